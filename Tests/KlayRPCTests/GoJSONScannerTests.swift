import Testing

@testable import KlayRPC

/// The first-value scan and Go's syntax error texts.
struct GoJSONScannerTests {
    private func scan(_ text: String) -> GoJSONScanner.Outcome { GoJSONScanner.scan(Array(text.utf8)) }

    @Test func findsTheFirstValue() {
        #expect(scan("  {\"a\":[1,2,{}]} trailing") == .value(2..<16))
        #expect(scan("[] []") == .value(0..<2))
        #expect(scan("\"x\"y") == .value(0..<3))
        #expect(scan("-1.5e+3,") == .value(0..<7))
        #expect(scan(" \n") == .empty)
        #expect(scan("{\"a\":") == .truncated)
        #expect(scan("tru") == .truncated)
    }

    @Test func goSyntaxErrorTexts() {
        #expect(scan("hello") == .syntaxError("invalid character 'h' looking for beginning of value"))
        #expect(scan("{1}") == .syntaxError("invalid character '1' looking for beginning of object key string"))
        #expect(scan("{\"a\" 1}") == .syntaxError("invalid character '1' after object key"))
        #expect(scan("{\"a\":1 \"b\"}") == .syntaxError("invalid character '\"' after object key:value pair"))
        #expect(scan("[1 2]") == .syntaxError("invalid character '2' after array element"))
        #expect(scan("[1,]") == .syntaxError("invalid character ']' looking for beginning of value"))
        #expect(scan("trux") == .syntaxError("invalid character 'x' in literal true (expecting 'e')"))
        #expect(scan("-x") == .syntaxError("invalid character 'x' in numeric literal"))
        #expect(scan("1.x") == .syntaxError("invalid character 'x' after decimal point in numeric literal"))
        #expect(scan("\"\\q\"") == .syntaxError("invalid character 'q' in string escape code"))
        #expect(scan("\"\n\"") == .syntaxError(#"invalid character '\n' in string literal"#))
        #expect(scan("'") == .syntaxError(#"invalid character '\'' looking for beginning of value"#))
    }
}

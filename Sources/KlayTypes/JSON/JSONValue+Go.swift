import KlayPrimitives

extension JSONValue {
    /// What Go's `json.Unmarshal` into `interface{}` and `json.Marshal` back make of this value: object keys
    /// deduplicated (last wins) and sorted, every number a float64 in Go's format. Nil if a number is out of
    /// float64 range (Go's decoder fails then).
    func goRoundTripped() -> JSONValue? {
        switch self {
        case .number(let text):
            guard let double = Double(text), double.isFinite else { return nil }
            return .number(Self.goFloatText(double))
        case .array(let items):
            var converted: [JSONValue] = []
            for item in items {
                guard let value = item.goRoundTripped() else { return nil }
                converted.append(value)
            }
            return .array(converted)
        case .object(let members):
            var latest: [String: JSONValue] = [:]
            for member in members {
                guard let value = member.value.goRoundTripped() else { return nil }
                latest[member.key] = value
            }
            return JSONValue.object(latest.map { ($0.key, $0.value) }).sortedByKey()
        default:
            return self
        }
    }

    /// A float64 as Go's `encoding/json` writes it: shortest round-trip digits, plain decimal notation
    /// unless the magnitude is below 1e-6 or at least 1e21, exponents without a leading zero (`1e-7`, `1e+21`).
    public static func goFloatText(_ value: Double) -> String {
        if value == 0 { return value.sign == .minus ? "-0" : "0" }
        // Shortest digits from Swift's description ("1.5", "1e-05", "1.2345e+20", "100.0").
        let text = value.magnitude.description
        let parts = text.split(separator: "e", maxSplits: 1)
        let exponent = parts.count == 2 ? Int(parts[1])! : 0
        let mantissa = parts[0]
        var digits = Array(mantissa.filter { $0 != "." }.utf8)
        // value = 0.d1d2d3… × 10^point
        var point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        while digits.first == UInt8(ascii: "0") { digits.removeFirst(); point -= 1 }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        let sign = value.sign == .minus ? "-" : ""
        let digitText = String(decoding: digits, as: UTF8.self)
        let magnitude = value.magnitude
        if magnitude < 1e-6 || magnitude >= 1e21 {
            let e = point - 1
            let fraction = digits.count > 1 ? "." + digitText.dropFirst() : ""
            let exponentText = e < 0 ? "-" + String(-e) : "+" + (e < 10 ? "0" : "") + String(e)
            return sign + String(digitText.prefix(1)) + fraction + "e" + exponentText
        }
        if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digitText }
        if point >= digits.count { return sign + digitText + String(repeating: "0", count: point - digits.count) }
        return sign + digitText.prefix(point) + "." + digitText.dropFirst(point)
    }
}


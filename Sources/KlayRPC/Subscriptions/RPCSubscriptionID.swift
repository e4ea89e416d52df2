/// Subscription ids as Klaytn makes them (`networks/rpc/subscription.go`): 16 random bytes in hex with the
/// leading zeros trimmed, like a quantity (`0x` + usually 32 digits, `0x0` in the all-zero case).
enum RPCSubscriptionID {
    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let digits = bytes.map { byte -> String in
            let text = String(byte, radix: 16)
            return byte < 0x10 ? "0" + text : text
        }.joined()
        let trimmed = digits.drop { $0 == "0" }
        return "0x" + (trimmed.isEmpty ? "0" : trimmed)
    }
}

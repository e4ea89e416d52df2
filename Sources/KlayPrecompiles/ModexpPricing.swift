/// How modexp (0x05) is priced.
public enum ModexpPricing: Sendable, Hashable {
    /// EIP-198: mult_complexity(max(Blen, Mlen)) · max(adjExpLen, 1) / 20 (Byzantium, Klaytn before Kore).
    case eip198
    /// EIP-2565: max(200, ceil(max(Blen, Mlen)/8)² · max(adjExpLen, 1) / 3) (Berlin, Klaytn Kore).
    case eip2565
}

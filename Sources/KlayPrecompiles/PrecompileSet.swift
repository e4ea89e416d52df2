import KlayPrimitives

/// Which precompile lives at which address under given rules (spec/evm.md §5.1).
public struct PrecompileSet: Sendable {
    /// The addresses that hold a precompile, in increasing order.
    public let addresses: [Address]
    /// Indexed by the address's low 16 bits; every precompile lives below 0x400.
    private let table: [Precompile?]

    private init(_ entries: [(UInt16, Precompile)]) {
        var table = [Precompile?](repeating: nil, count: 0x400)
        for (low, precompile) in entries { table[Int(low)] = precompile }
        self.table = table
        addresses = entries.map { PrecompileSet.address($0.0) }.sorted()
    }

    /// The precompile at `address`, if any.
    public func precompile(at address: Address) -> Precompile? {
        address.withUnsafeBytes { bytes -> Precompile? in
            for index in 0..<18 where bytes[index] != 0 { return nil }
            let low = Int(bytes[18]) << 8 | Int(bytes[19])
            return low < table.count ? table[low] : nil
        }
    }

    /// Klaytn's map for a call made by a contract of the given vmVersion under the given forks.
    /// A caller deployed before Istanbul-compatible (vmVersion 0) always gets the Byzantium map, with
    /// vmLog, feePayer and validateSender at 0x09–0x0b; otherwise they sit at 0x3fd–0x3ff.
    public static func klaytn(istanbul: Bool, kore: Bool, cancun: Bool, callerVMVersion0: Bool) -> PrecompileSet {
        if callerVMVersion0 { return klaytnByzantium }
        if cancun { return klaytnCancun }
        if kore { return klaytnKore }
        if istanbul { return klaytnIstanbul }
        return klaytnByzantium
    }

    /// Klaytn's `ActivePrecompiles`: the addresses warmed at transaction start (spec/evm.md §2.8).
    /// From Istanbul-compatible they include 0x0a and 0x0b, for vmVersion-0 callers.
    public static func klaytnActiveAddresses(istanbul: Bool, kore: Bool, cancun: Bool) -> [Address] {
        let current = klaytn(istanbul: istanbul, kore: kore, cancun: cancun, callerVMVersion0: false).addresses
        guard istanbul || cancun else { return current }
        return Array(Set(current + [address(0x0a), address(0x0b)])).sorted()
    }

    /// Ethereum forks that changed the precompiles.
    public enum EthereumFork: Sendable, Hashable {
        /// 0x01–0x08: EIP-198 modexp, Byzantium bn256 prices.
        case byzantium
        /// 0x01–0x09: Istanbul bn256 prices, blake2F.
        case istanbul
        /// As Istanbul with EIP-2565 modexp pricing (Berlin through Shanghai).
        case berlin
        /// As Berlin plus KZG point evaluation at 0x0a.
        case cancun
    }

    /// Ethereum's map for `fork`.
    public static func ethereum(fork: EthereumFork) -> PrecompileSet {
        switch fork {
        case .byzantium: return ethereumByzantium
        case .istanbul: return ethereumIstanbul
        case .berlin: return ethereumBerlin
        case .cancun: return ethereumCancun
        }
    }

    private static func address(_ low: UInt16) -> Address {
        var address = Address.zero
        address.withUnsafeMutableBytes { bytes in
            bytes[18] = UInt8(low >> 8)
            bytes[19] = UInt8(low & 0xff)
        }
        return address
    }

    private static func standard(istanbul: Bool, modexp: ModexpPricing) -> [(UInt16, Precompile)] {
        var entries: [(UInt16, Precompile)] = [
            (0x01, .ecrecover), (0x02, .sha256), (0x03, .ripemd160), (0x04, .identity), (0x05, .modexp(modexp)),
            (0x06, .bn256Add(istanbul: istanbul)), (0x07, .bn256ScalarMul(istanbul: istanbul)),
            (0x08, .bn256Pairing(istanbul: istanbul)),
        ]
        if istanbul { entries.append((0x09, .blake2f)) }
        return entries
    }

    private static let klaytnTrio: [(UInt16, Precompile)] = [(0x3fd, .vmLog), (0x3fe, .feePayer), (0x3ff, .validateSender)]

    private static let klaytnByzantium = PrecompileSet(
        standard(istanbul: false, modexp: .eip198) + [(0x09, .vmLog), (0x0a, .feePayer), (0x0b, .validateSender)])
    private static let klaytnIstanbul = PrecompileSet(standard(istanbul: true, modexp: .eip198) + klaytnTrio)
    private static let klaytnKore = PrecompileSet(standard(istanbul: true, modexp: .eip2565) + klaytnTrio)
    private static let klaytnCancun = PrecompileSet(
        standard(istanbul: true, modexp: .eip2565) + [(0x0a, .pointEvaluation)] + klaytnTrio)

    private static let ethereumByzantium = PrecompileSet(standard(istanbul: false, modexp: .eip198))
    private static let ethereumIstanbul = PrecompileSet(standard(istanbul: true, modexp: .eip198))
    private static let ethereumBerlin = PrecompileSet(standard(istanbul: true, modexp: .eip2565))
    private static let ethereumCancun = PrecompileSet(standard(istanbul: true, modexp: .eip2565) + [(0x0a, .pointEvaluation)])
}

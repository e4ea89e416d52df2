/// Which behaviour the interpreter follows: a point on Ethereum's or Klaytn's fork ladder, resolved
/// into the individual switches the interpreter reads (spec/evm.md §1–§2). Everything fork-dependent
/// asks one of these flags; nothing compares fork names at run time.
public struct EVMRules: Sendable, Hashable {
    /// The two ladders.
    public enum Chain: Sendable, Hashable {
        case ethereum
        case klaytn
    }

    /// Points on Ethereum's ladder that state tests name.
    public enum EthereumFork: String, Sendable, CaseIterable {
        case istanbul = "Istanbul", berlin = "Berlin", london = "London", paris = "Paris", shanghai = "Shanghai", cancun = "Cancun"
    }

    /// Points on Klaytn's ladder (each implies the ones before it).
    public enum KlaytnFork: Int, Sendable, CaseIterable, Comparable {
        case genesis, istanbul, london, ethTxType, magma, kore, shanghai, cancun
        public static func < (lhs: KlaytnFork, rhs: KlaytnFork) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Klaytn's three computation-cost tables (spec/evm.md §2.9 columns G, I, C).
    public enum ComputationEra: Sendable, Hashable {
        case genesis, istanbul, cancun
    }

    public let chain: Chain
    /// EIP-150's repricing of state access (SLOAD 200, BALANCE 400, EXTCODE* and CALL 700, SELFDESTRUCT
    /// 5 000) and its 63/64 rule for call gas; off only for Frontier's schedule.
    public var eip150 = true
    /// EIP-160: EXP costs 50 gas per exponent byte (10 before).
    public var eip160 = true
    /// CHAINID, SELFBALANCE, EIP-1884 repricing, EIP-2200 SSTORE, blake2F, cheaper bn256.
    public var istanbul = false
    /// BASEFEE opcode.
    public var baseFeeOpcode = false
    /// Klaytn's KIP-71 dynamic base fee (Magma): GASPRICE is the base fee, half the fee is burnt.
    public var magma = false
    /// EIP-2929 cold/warm access and EIP-2565 modexp pricing (Berlin; Klaytn Kore).
    public var eip2929 = false
    /// EIP-2930 access-list entries are warmed at transaction start (Berlin; Klaytn only from Cancun).
    public var warmsAccessList = false
    /// EIP-3529 refunds (no SELFDESTRUCT refund, 4 800 clear refund, gasUsed/5 cap) (London; Klaytn Kore).
    public var eip3529 = false
    /// EIP-3541: new code may not start with 0xEF (London; Klaytn Kore, with Klaytn's ordering quirk).
    public var eip3541 = false
    /// 0x44 is PREVRANDAO (Paris; Klaytn Kore).
    public var prevRandao = false
    /// PUSH0, EIP-3860 init-code limit and word gas, EIP-3651 warm coinbase.
    public var shanghai = false
    /// TLOAD/TSTORE, MCOPY, BLOBHASH, BLOBBASEFEE, EIP-6780 SELFDESTRUCT.
    public var cancun = false
    /// Klaytn's computation-cost table, or nil (Ethereum has no such metering).
    public var computationEra: ComputationEra?
    /// Klaytn's per-transaction computation-cost limit.
    public var computationLimit: UInt64 = .max

    init(chain: Chain) { self.chain = chain }

    /// Ethereum's rules at `fork`.
    public static func ethereum(_ fork: EthereumFork) -> EVMRules {
        var rules = EVMRules(chain: .ethereum)
        let order = EthereumFork.allCases
        func atLeast(_ other: EthereumFork) -> Bool { order.firstIndex(of: fork)! >= order.firstIndex(of: other)! }
        rules.istanbul = true
        rules.eip2929 = atLeast(.berlin)
        rules.warmsAccessList = atLeast(.berlin)
        rules.baseFeeOpcode = atLeast(.london)
        rules.eip3529 = atLeast(.london)
        rules.eip3541 = atLeast(.london)
        rules.prevRandao = atLeast(.paris)
        rules.shanghai = atLeast(.shanghai)
        rules.cancun = atLeast(.cancun)
        return rules
    }

    /// Frontier's gas schedule with today's opcodes: what ethereum/tests' old-format VMTests
    /// (LegacyTests/Constantinople/VMTests) were filled with (SLOAD 50, EXP 10 per byte, …).
    public static let ethereumFrontierGas: EVMRules = {
        var rules = EVMRules(chain: .ethereum)
        rules.eip150 = false
        rules.eip160 = false
        return rules
    }()

    /// Klaytn's rules with every fork up to and including `fork` active.
    public static func klaytn(_ fork: KlaytnFork) -> EVMRules {
        var rules = EVMRules(chain: .klaytn)
        rules.istanbul = fork >= .istanbul
        rules.baseFeeOpcode = fork >= .london
        rules.magma = fork >= .magma
        rules.eip2929 = fork >= .kore
        rules.eip3529 = fork >= .kore
        rules.eip3541 = fork >= .kore
        rules.prevRandao = fork >= .kore
        rules.shanghai = fork >= .shanghai
        rules.cancun = fork >= .cancun
        rules.warmsAccessList = fork >= .cancun
        rules.computationEra = fork >= .cancun ? .cancun : fork >= .istanbul ? .istanbul : .genesis
        rules.computationLimit = fork >= .cancun ? 150_000_000 : 100_000_000
        return rules
    }

    public var isKlaytn: Bool { chain == .klaytn }
    /// The divisor of the refund cap: gasUsed / 2, or / 5 with EIP-3529.
    var refundQuotient: UInt64 { eip3529 ? 5 : 2 }
    /// vmVersion of contracts created under these rules (spec/accounts.md §2).
    var newContractVMVersion: UInt8 { istanbul ? 1 : 0 }
}

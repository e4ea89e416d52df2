import Synchronization

/// The static facts of one opcode: name, stack effect, the fork that introduced it, base gas and
/// Klaytn's computation cost per era. ``OpcodeTable`` turns the list of these into the flat arrays the
/// interpreter indexes for a given ``EVMRules``.
struct OpcodeSpec {
    let code: UInt8
    let name: String
    /// Items popped.
    let pops: Int
    /// Items pushed.
    let pushes: Int
    /// Whether `rules` has the opcode.
    let isAvailable: @Sendable (EVMRules) -> Bool
    /// The static gas under `rules` (the dynamic part is charged by the instruction itself).
    let gas: @Sendable (EVMRules) -> UInt64
    /// Klaytn's computation cost in the genesis, Istanbul and Cancun eras (spec/evm.md §2.9).
    let computation: (genesis: UInt64, istanbul: UInt64, cancun: UInt64)
}

extension OpcodeSpec {
    /// An opcode whose static gas is the same under every rule set.
    static func op(_ code: UInt8, _ name: String, _ pops: Int, _ pushes: Int, gas: UInt64,
                   _ genesis: UInt64, _ istanbul: UInt64? = nil, _ cancun: UInt64? = nil,
                   since: @escaping @Sendable (EVMRules) -> Bool = { _ in true }) -> OpcodeSpec {
        op(code, name, pops, pushes, gasRule: { _ in gas }, genesis, istanbul, cancun, since: since)
    }

    /// An opcode whose static gas depends on the rules; computation costs default to the previous era's.

    static func op(_ code: UInt8, _ name: String, _ pops: Int, _ pushes: Int, gasRule: @escaping @Sendable (EVMRules) -> UInt64,
                   _ genesis: UInt64, _ istanbul: UInt64? = nil, _ cancun: UInt64? = nil,
                   since: @escaping @Sendable (EVMRules) -> Bool = { _ in true }) -> OpcodeSpec {
        let istanbulCost = istanbul ?? genesis
        return OpcodeSpec(code: code, name: name, pops: pops, pushes: pushes, isAvailable: since, gas: gasRule,
                          computation: (genesis, istanbulCost, cancun ?? istanbulCost))
    }

    /// Gas of an account-reading opcode: 100 warm under EIP-2929 (the cold surcharge is dynamic),
    /// else the Istanbul or genesis price.
    static func accountAccess(frontier: UInt64, genesis: UInt64, istanbul: UInt64) -> @Sendable (EVMRules) -> UInt64 {
        { rules in rules.eip2929 ? 100 : rules.istanbul ? istanbul : rules.eip150 ? genesis : frontier }
    }

    /// Every opcode of every fork (spec/evm.md §2.9; Ethereum's yellow paper and EIPs for the gas).
    static let all: [OpcodeSpec] = {
        var specs: [OpcodeSpec] = [
            op(0x00, "STOP", 0, 0, gas: 0, 0),
            op(0x01, "ADD", 2, 1, gas: 3, 150),
            op(0x02, "MUL", 2, 1, gas: 5, 200),
            op(0x03, "SUB", 2, 1, gas: 3, 219),
            op(0x04, "DIV", 2, 1, gas: 5, 404),
            op(0x05, "SDIV", 2, 1, gas: 5, 739, 739, 360),
            op(0x06, "MOD", 2, 1, gas: 5, 812, 812, 320),
            op(0x07, "SMOD", 2, 1, gas: 5, 560),
            op(0x08, "ADDMOD", 3, 1, gas: 8, 3349, 1410, 360),
            op(0x09, "MULMOD", 3, 1, gas: 8, 4757, 1760, 700),
            op(0x0a, "EXP", 2, 1, gas: 10, 5000, 5000, 720),
            op(0x0b, "SIGNEXTEND", 2, 1, gas: 5, 481),
            op(0x10, "LT", 2, 1, gas: 3, 201),
            op(0x11, "GT", 2, 1, gas: 3, 264),
            op(0x12, "SLT", 2, 1, gas: 3, 176),
            op(0x13, "SGT", 2, 1, gas: 3, 222),
            op(0x14, "EQ", 2, 1, gas: 3, 220),
            op(0x15, "ISZERO", 1, 1, gas: 3, 165),
            op(0x16, "AND", 2, 1, gas: 3, 288),
            op(0x17, "OR", 2, 1, gas: 3, 160),
            op(0x18, "XOR", 2, 1, gas: 3, 657, 454),
            op(0x19, "NOT", 1, 1, gas: 3, 1289, 364),
            op(0x1a, "BYTE", 2, 1, gas: 3, 589),
            op(0x1b, "SHL", 2, 1, gas: 3, 1603, 478),
            op(0x1c, "SHR", 2, 1, gas: 3, 1346, 498),
            op(0x1d, "SAR", 2, 1, gas: 3, 1815, 834),
            op(0x20, "SHA3", 2, 1, gas: 30, 2465, 2465, 560),
            op(0x30, "ADDRESS", 0, 1, gas: 2, 284),
            op(0x31, "BALANCE", 1, 1, gasRule: accountAccess(frontier: 20, genesis: 400, istanbul: 700), 1407),
            op(0x32, "ORIGIN", 0, 1, gas: 2, 210),
            op(0x33, "CALLER", 0, 1, gas: 2, 188),
            op(0x34, "CALLVALUE", 0, 1, gas: 2, 149),
            op(0x35, "CALLDATALOAD", 1, 1, gas: 3, 596),
            op(0x36, "CALLDATASIZE", 0, 1, gas: 2, 194),
            op(0x37, "CALLDATACOPY", 3, 0, gas: 3, 100),
            op(0x38, "CODESIZE", 0, 1, gas: 2, 145),
            op(0x39, "CODECOPY", 3, 0, gas: 3, 898),
            op(0x3a, "GASPRICE", 0, 1, gas: 2, 131),
            op(0x3b, "EXTCODESIZE", 1, 1, gasRule: accountAccess(frontier: 20, genesis: 700, istanbul: 700), 1481),
            op(0x3c, "EXTCODECOPY", 4, 0, gasRule: accountAccess(frontier: 20, genesis: 700, istanbul: 700), 1000),
            op(0x3d, "RETURNDATASIZE", 0, 1, gas: 2, 10),
            op(0x3e, "RETURNDATACOPY", 3, 0, gas: 3, 40),
            // Klaytn from Cancun: a flat 400 with no warm/cold accounting (spec/evm.md §2.6).
            op(0x3f, "EXTCODEHASH", 1, 1, gasRule: { rules in
                rules.isKlaytn && rules.cancun ? 400 : rules.eip2929 ? 100 : rules.istanbul ? 700 : 400
            }, 1000),
            op(0x40, "BLOCKHASH", 1, 1, gas: 20, 500),
            op(0x41, "COINBASE", 0, 1, gas: 2, 189),
            op(0x42, "TIMESTAMP", 0, 1, gas: 2, 265),
            op(0x43, "NUMBER", 0, 1, gas: 2, 202),
            op(0x45, "GASLIMIT", 0, 1, gas: 2, 166),
            op(0x46, "CHAINID", 0, 1, gas: 2, 120, since: { $0.istanbul }),
            op(0x47, "SELFBALANCE", 0, 1, gas: 5, 374, since: { $0.istanbul }),
            op(0x48, "BASEFEE", 0, 1, gas: 2, 198, since: { $0.baseFeeOpcode }),
            op(0x49, "BLOBHASH", 1, 1, gas: 3, 165, since: { $0.cancun }),
            op(0x4a, "BLOBBASEFEE", 0, 1, gas: 2, 120, since: { $0.cancun }),
            op(0x50, "POP", 1, 0, gas: 2, 140),
            op(0x51, "MLOAD", 1, 1, gas: 3, 376),
            op(0x52, "MSTORE", 2, 0, gas: 3, 288),
            op(0x53, "MSTORE8", 2, 0, gas: 3, 5142, 5142, 230),
            op(0x54, "SLOAD", 1, 1, gasRule: { rules in rules.eip2929 ? 0 : rules.istanbul ? 800 : rules.eip150 ? 200 : 50 }, 835, 835, 2550),
            op(0x55, "SSTORE", 2, 0, gas: 0, 1548, 1548, 2510),
            op(0x56, "JUMP", 1, 0, gas: 8, 253),
            op(0x57, "JUMPI", 2, 0, gas: 10, 176),
            op(0x58, "PC", 0, 1, gas: 2, 147),
            op(0x59, "MSIZE", 0, 1, gas: 2, 137),
            op(0x5a, "GAS", 0, 1, gas: 2, 230),
            op(0x5b, "JUMPDEST", 0, 0, gas: 1, 10),
            op(0x5c, "TLOAD", 1, 1, gas: 100, 220, since: { $0.cancun }),
            op(0x5d, "TSTORE", 2, 0, gas: 100, 280, since: { $0.cancun }),
            op(0x5e, "MCOPY", 3, 0, gas: 3, 250, since: { $0.cancun }),
            op(0x5f, "PUSH0", 0, 1, gas: 2, 80, since: { $0.shanghai }),
            op(0xf0, "CREATE", 3, 1, gas: 32_000, 2094),
            op(0xf1, "CALL", 7, 1, gasRule: accountAccess(frontier: 40, genesis: 700, istanbul: 700), 5000),
            op(0xf2, "CALLCODE", 7, 1, gasRule: accountAccess(frontier: 40, genesis: 700, istanbul: 700), 4000),
            op(0xf3, "RETURN", 2, 0, gas: 0, 0),
            op(0xf4, "DELEGATECALL", 6, 1, gasRule: accountAccess(frontier: 40, genesis: 700, istanbul: 700), 696),
            op(0xf5, "CREATE2", 4, 1, gas: 32_000, 10000),
            op(0xfa, "STATICCALL", 6, 1, gasRule: accountAccess(frontier: 40, genesis: 700, istanbul: 700), 10000),
            op(0xfd, "REVERT", 2, 0, gas: 0, 0),
            op(0xff, "SELFDESTRUCT", 1, 0, gasRule: { $0.eip150 ? 5000 : 0 }, 0),
        ]
        // 0x44: DIFFICULTY, renamed PREVRANDAO with a new computation cost from Kore/Paris.
        specs.append(OpcodeSpec(code: 0x44, name: "DIFFICULTY", pops: 0, pushes: 1, isAvailable: { _ in true },
                                gas: { _ in 2 }, computation: (180, 180, 1498)))
        for n in 1...32 { specs.append(op(UInt8(0x5f + n), "PUSH\(n)", 0, 1, gas: 3, 120)) }
        let dupCosts: [UInt64] = [190, 190, 176, 142, 177, 165, 147, 157, 138, 174, 141, 144, 157, 143, 237, 149]
        let swapCosts: [UInt64] = [141, 156, 145, 135, 115, 146, 199, 130, 160, 134, 147, 128, 121, 114, 197, 128]
        for n in 1...16 {
            specs.append(op(UInt8(0x7f + n), "DUP\(n)", n, n + 1, gas: 3, dupCosts[n - 1]))
            specs.append(op(UInt8(0x8f + n), "SWAP\(n)", n + 1, n + 1, gas: 3, swapCosts[n - 1]))
        }
        for n in 0...4 {
            specs.append(op(UInt8(0xa0 + n), "LOG\(n)", n + 2, 0, gas: 375 * UInt64(n + 1), n == 0 ? 100 : 1000, nil, n == 0 ? 100 : 500))
        }
        return specs
    }()
}

/// The opcode facts for one ``EVMRules``, flattened into 256-entry buffers the interpreter indexes by
/// opcode byte: static gas, computation cost, minimum and maximum stack height, whether defined.
/// Built once per rule set and kept for the life of the process (``cached(for:)``).
final class OpcodeTable: @unchecked Sendable {
    /// Static gas.
    let staticGas: UnsafeMutablePointer<UInt64>
    /// Klaytn's computation cost (all zero under Ethereum rules).
    let computation: UnsafeMutablePointer<UInt64>
    /// Items the opcode needs on the stack.
    let minimumStack: UnsafeMutablePointer<Int>
    /// The highest stack height before the opcode at which it does not overflow 1 024.
    let maximumStack: UnsafeMutablePointer<Int>
    let defined: UnsafeMutablePointer<Bool>
    /// The facts above packed one word per opcode for the interpreter's pre-instruction check (``OpcodeChecks``).
    let checks: UnsafeMutablePointer<UInt64>
    let names: [String]

    private init(rules: EVMRules) {
        staticGas = .allocate(capacity: 256)
        staticGas.initialize(repeating: 0, count: 256)
        computation = .allocate(capacity: 256)
        computation.initialize(repeating: 0, count: 256)
        minimumStack = .allocate(capacity: 256)
        minimumStack.initialize(repeating: 0, count: 256)
        maximumStack = .allocate(capacity: 256)
        maximumStack.initialize(repeating: 1024, count: 256)
        defined = .allocate(capacity: 256)
        defined.initialize(repeating: false, count: 256)
        var names = (0..<256).map { "opcode 0x" + String($0, radix: 16) }
        for spec in OpcodeSpec.all where spec.isAvailable(rules) {
            let index = Int(spec.code)
            defined[index] = true
            staticGas[index] = spec.gas(rules)
            names[index] = spec.code == 0x44 && rules.prevRandao ? "PREVRANDAO" : spec.name
            minimumStack[index] = spec.pops
            maximumStack[index] = 1024 + spec.pops - spec.pushes
            switch rules.computationEra {
            case .genesis: computation[index] = spec.computation.genesis
            case .istanbul:
                // PREVRANDAO's cost changed with Kore, inside the Istanbul era.
                computation[index] = spec.code == 0x44 && rules.prevRandao ? 1498 : spec.computation.istanbul
            case .cancun: computation[index] = spec.computation.cancun
            case nil: computation[index] = 0
            }
        }
        names[0xfe] = "INVALID"
        self.names = names
        checks = .allocate(capacity: 256)
        for index in 0..<256 {
            checks[index] = OpcodeChecks.pack(defined: defined[index], gas: staticGas[index],
                                              minimum: minimumStack[index], maximum: maximumStack[index])
        }
    }

    private static let cache = Mutex<[EVMRules: OpcodeTable]>([:])

    /// The table for `rules`, built on first use.
    static func cached(for rules: EVMRules) -> OpcodeTable {
        cache.withLock { tables in
            if let table = tables[rules] { return table }
            let table = OpcodeTable(rules: rules)
            tables[rules] = table
            return table
        }
    }
}

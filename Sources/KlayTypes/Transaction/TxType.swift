/// A transaction type number as Klaytn defines it: `(family << 3) | feeDelegation` for Klaytn's own
/// types, and `0x78 << 8 | ethType` for Ethereum's typed transactions carried in Klaytn's envelope.
///
/// Everything that differs between types — name, field layout, fee delegation, intrinsic gas and the
/// role used to check the sender — is declared once, in ``TxType/table``; encoding, decoding, signing,
/// hashing and validation all read it. Values outside the table (including the disabled account
/// creation 0x18) are refused with Klaytn's `undefined tx type`.
public struct TxType: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: UInt16

    public init?(rawValue: UInt16) {
        guard TxType.table[rawValue] != nil else { return nil }
        self.rawValue = rawValue
    }

    init(known rawValue: UInt16) { self.rawValue = rawValue }

    /// The type's declaration in ``table``.
    public var descriptor: TxTypeDescriptor { TxType.table[rawValue]! }

    /// Klaytn's name, as JSON-RPC's `type` field shows it (e.g. `TxTypeFeeDelegatedValueTransfer`).
    public var name: String { descriptor.name }

    public var description: String { name }

    /// How the signatures are carried and what the sender signs.
    public var encoding: TxEncoding { descriptor.encoding }

    /// Who pays the fee.
    public var feeDelegation: FeeDelegation { descriptor.feeDelegation }

    /// The 0x78-envelope's second byte for Ethereum typed transactions (1 for EIP-2930, 2 for EIP-1559).
    public var ethereumTypeByte: UInt8? { encoding == .ethereum ? UInt8(rawValue & 0xff) : nil }

    public static let legacy = TxType(known: 0x00)
    public static let valueTransfer = TxType(known: 0x08)
    public static let feeDelegatedValueTransfer = TxType(known: 0x09)
    public static let feeDelegatedValueTransferWithRatio = TxType(known: 0x0a)
    public static let valueTransferMemo = TxType(known: 0x10)
    public static let feeDelegatedValueTransferMemo = TxType(known: 0x11)
    public static let feeDelegatedValueTransferMemoWithRatio = TxType(known: 0x12)
    public static let accountUpdate = TxType(known: 0x20)
    public static let feeDelegatedAccountUpdate = TxType(known: 0x21)
    public static let feeDelegatedAccountUpdateWithRatio = TxType(known: 0x22)
    public static let smartContractDeploy = TxType(known: 0x28)
    public static let feeDelegatedSmartContractDeploy = TxType(known: 0x29)
    public static let feeDelegatedSmartContractDeployWithRatio = TxType(known: 0x2a)
    public static let smartContractExecution = TxType(known: 0x30)
    public static let feeDelegatedSmartContractExecution = TxType(known: 0x31)
    public static let feeDelegatedSmartContractExecutionWithRatio = TxType(known: 0x32)
    public static let cancel = TxType(known: 0x38)
    public static let feeDelegatedCancel = TxType(known: 0x39)
    public static let feeDelegatedCancelWithRatio = TxType(known: 0x3a)
    public static let chainDataAnchoring = TxType(known: 0x48)
    public static let feeDelegatedChainDataAnchoring = TxType(known: 0x49)
    public static let feeDelegatedChainDataAnchoringWithRatio = TxType(known: 0x4a)
    public static let ethereumAccessList = TxType(known: 0x7801)
    public static let ethereumDynamicFee = TxType(known: 0x7802)

    /// Every defined type, in type-number order.
    public static var allCases: [TxType] { table.keys.sorted().map { TxType(known: $0) } }
}

/// How a type is framed on the wire and signed.
public enum TxEncoding: Sendable {
    /// `rlp([fields…, V, R, S])`, no type byte; EIP-155 sig hash.
    case legacy
    /// `T ‖ rlp([fields…, signatures (, feePayer, feePayerSignatures)])`; Klaytn's sig hash over `rlp([T, fields…])`.
    case klaytn
    /// `0x78 ‖ e ‖ rlp([fields…, yParity, r, s])`; Ethereum's sig hash over `e ‖ rlp([fields…])`.
    case ethereum
}

/// Who pays the transaction fee.
public enum FeeDelegation: Sendable {
    /// The sender pays everything.
    case none
    /// The fee payer pays the whole fee.
    case full
    /// The fee payer pays `feeRatio` percent; the sender the rest.
    case ratio
}

/// The behaviour shared by a basic type and its fee-delegated variants (`type & ~0b111`).
public enum TxFamily: Sendable {
    case legacy, valueTransfer, valueTransferMemo, accountUpdate, smartContractDeploy
    case smartContractExecution, cancel, chainDataAnchoring, ethereumAccessList, ethereumDynamicFee
}

/// One field of a transaction body, in the order a type's ``TxTypeDescriptor/fields`` lists them.
public enum TxField: Sendable {
    /// Ethereum typed transactions only: the chain id as a body field.
    case chainID
    case nonce
    /// `gasPrice`; for EIP-1559 transactions the fee cap (`maxFeePerGas`).
    case gasPrice
    /// EIP-1559's `maxPriorityFeePerGas`.
    case gasTipCap
    /// EIP-1559's `maxFeePerGas` (stored in `gasPrice`).
    case gasFeeCap
    case gas
    /// A recipient that must be present (exactly 20 bytes).
    case to
    /// A recipient that may be absent (the empty string): legacy, deploy and Ethereum types.
    case toOrNil
    case value
    /// The sender, carried in Klaytn types.
    case from
    /// `input`/`data`/`memo`/anchored data.
    case input
    case humanReadable
    case codeFormat
    case feeRatio
    /// AccountUpdate's new key as a byte string holding its serialized form.
    case key
    case accessList
}

/// The declaration of one transaction type.
public struct TxTypeDescriptor: Sendable {
    /// Klaytn's type name.
    public let name: String
    public let family: TxFamily
    public let encoding: TxEncoding
    public let feeDelegation: FeeDelegation
    /// The body fields in wire order (signatures excluded).
    public let fields: [TxField]
    /// Intrinsic gas of the family before payload, key and signature-validation gas
    /// (53 000 for creation, 21 000 otherwise; legacy and Ethereum types switch on `to`).
    public let baseGas: UInt64
    /// Whether `input` is charged payload gas.
    public let chargesPayload: Bool
}

extension TxType {
    /// The declaration of every defined transaction type, keyed by type number
    /// (`klaytn:blockchain/types/tx_internal_data*.go`, spec/transactions.md §1 and §6).
    public static let table: [UInt16: TxTypeDescriptor] = {
        var table: [UInt16: TxTypeDescriptor] = [:]
        func klaytnFamily(_ base: UInt16, _ name: String, _ family: TxFamily, _ fields: [TxField],
                          baseGas: UInt64 = 21_000, chargesPayload: Bool, ratioFields: [TxField]? = nil) {
            table[base] = TxTypeDescriptor(name: "TxType" + name, family: family, encoding: .klaytn,
                                           feeDelegation: .none, fields: fields, baseGas: baseGas, chargesPayload: chargesPayload)
            table[base | 1] = TxTypeDescriptor(name: "TxTypeFeeDelegated" + name, family: family, encoding: .klaytn,
                                               feeDelegation: .full, fields: fields, baseGas: baseGas, chargesPayload: chargesPayload)
            table[base | 2] = TxTypeDescriptor(name: "TxTypeFeeDelegated" + name + "WithRatio", family: family, encoding: .klaytn,
                                               feeDelegation: .ratio, fields: ratioFields ?? fields + [.feeRatio],
                                               baseGas: baseGas, chargesPayload: chargesPayload)
        }
        table[0x00] = TxTypeDescriptor(name: "TxTypeLegacyTransaction", family: .legacy, encoding: .legacy, feeDelegation: .none,
                                       fields: [.nonce, .gasPrice, .gas, .toOrNil, .value, .input],
                                       baseGas: 21_000, chargesPayload: true)
        klaytnFamily(0x08, "ValueTransfer", .valueTransfer, [.nonce, .gasPrice, .gas, .to, .value, .from], chargesPayload: false)
        klaytnFamily(0x10, "ValueTransferMemo", .valueTransferMemo, [.nonce, .gasPrice, .gas, .to, .value, .from, .input],
                     chargesPayload: true)
        klaytnFamily(0x20, "AccountUpdate", .accountUpdate, [.nonce, .gasPrice, .gas, .from, .key], chargesPayload: false)
        // The one irregular layout: in 0x2a feeRatio sits before codeFormat.
        klaytnFamily(0x28, "SmartContractDeploy", .smartContractDeploy,
                     [.nonce, .gasPrice, .gas, .toOrNil, .value, .from, .input, .humanReadable, .codeFormat],
                     baseGas: 53_000, chargesPayload: true,
                     ratioFields: [.nonce, .gasPrice, .gas, .toOrNil, .value, .from, .input, .humanReadable, .feeRatio, .codeFormat])
        klaytnFamily(0x30, "SmartContractExecution", .smartContractExecution,
                     [.nonce, .gasPrice, .gas, .to, .value, .from, .input], chargesPayload: true)
        klaytnFamily(0x38, "Cancel", .cancel, [.nonce, .gasPrice, .gas, .from], chargesPayload: false)
        klaytnFamily(0x48, "ChainDataAnchoring", .chainDataAnchoring, [.nonce, .gasPrice, .gas, .from, .input], chargesPayload: true)
        table[0x7801] = TxTypeDescriptor(name: "TxTypeEthereumAccessList", family: .ethereumAccessList, encoding: .ethereum,
                                         feeDelegation: .none,
                                         fields: [.chainID, .nonce, .gasPrice, .gas, .toOrNil, .value, .input, .accessList],
                                         baseGas: 21_000, chargesPayload: true)
        table[0x7802] = TxTypeDescriptor(name: "TxTypeEthereumDynamicFee", family: .ethereumDynamicFee, encoding: .ethereum,
                                         feeDelegation: .none,
                                         fields: [.chainID, .nonce, .gasTipCap, .gasFeeCap, .gas, .toOrNil, .value, .input, .accessList],
                                         baseGas: 21_000, chargesPayload: true)
        return table
    }()
}

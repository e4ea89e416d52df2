import KlayPrimitives

/// Why a transaction was refused while decoding, validating or recovering its signers.
/// Descriptions are Klaytn's error texts where Klaytn has one (spec/transactions.md §11.1).
public enum TxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not valid RLP for the type's layout.
    case malformed(RLPError)
    /// A fixed-size field (address, hash) has the wrong length.
    case wrongFieldLength(field: String, expected: Int, actual: Int)
    /// A type number outside the table, including the disabled 0x18 account creation.
    case undefinedTxType
    /// A signature value is out of range, a V does not fit its family, or the list is empty.
    case invalidSignature
    /// The chain id carried by the transaction is not the signer's.
    case invalidChainID
    /// Legacy and Ethereum-typed transactions carry exactly one signature.
    case shouldBeSingleSignature
    /// AccountUpdate's `key` bytes do not decode as an account key.
    case keyNotSerializable
    /// The fee payer part is missing where the type needs one (or present where it must not be).
    case missingFeePayer

    // Stateless validity rules (spec/transactions.md §6).
    case precompiledContractAddress
    case invalidContractAddress
    case humanReadableNotSupported
    case invalidCodeFormat
    case feeRatioOutOfRange
    case maxInitCodeSizeExceeded
    case oversizedData
    case intrinsicGasTooLow
    case gasUintOverflow
    /// EIP-1559: the priority fee exceeds the fee cap.
    case tipAboveFeeCap
    /// `gas × gasPrice` (the fee cap for EIP-1559) does not fit in 256 bits, so no balance can pay it;
    /// the text is the balance check's, which is where Klaytn refuses such a transaction.
    case feeOverflow
    /// EIP-2681 (Ethereum rules only): a nonce of 2^64 − 1 can never be followed; go-ethereum's text.
    case nonceMax

    public var description: String {
        switch self {
        case .malformed(let error): return error.description
        case .wrongFieldLength(let field, let expected, let actual):
            return "rlp: \(field) must be \(expected) bytes, got \(actual)"
        case .undefinedTxType: return "undefined tx type"
        case .invalidSignature: return "invalid transaction v, r, s values"
        case .invalidChainID: return "invalid chain id for signer"
        case .shouldBeSingleSignature: return "the number of signatures should be one"
        case .keyNotSerializable: return "key is not serializable"
        case .missingFeePayer: return "fee payer is missing"
        case .precompiledContractAddress: return "the address is reserved for pre-compiled contracts"
        case .invalidContractAddress: return "contract deploy transaction can't have a recipient address"
        case .humanReadableNotSupported: return "Human-readable address is not supported now"
        case .invalidCodeFormat: return "smart contract code format is invalid"
        case .feeRatioOutOfRange: return "fee ratio is out of range [1, 99]"
        case .maxInitCodeSizeExceeded: return "max initcode size exceeded"
        case .oversizedData: return "oversized data"
        case .intrinsicGasTooLow: return "intrinsic gas too low"
        case .gasUintOverflow: return "gas uint64 overflow"
        case .tipAboveFeeCap: return "max fee per gas higher than max priority fee per gas"
        case .feeOverflow: return "insufficient funds for gas * price + value"
        case .nonceMax: return "nonce has max value"
        }
    }
}

extension TxError {
    /// The typed error for anything a decoder threw: RLP faults become ``malformed(_:)``.
    static func from(_ error: any Error) -> TxError {
        switch error {
        case let error as TxError: return error
        case let error as RLPError: return .malformed(error)
        default: return .malformed(.unexpectedEnd)
        }
    }

    /// A fixed-size value (address, hash) from a byte string of exactly its size.
    static func fixed<T: FixedBytes>(_ bytes: ArraySlice<UInt8>, field: String) throws(TxError) -> T {
        guard bytes.count == T.byteCount else {
            throw .wrongFieldLength(field: field, expected: T.byteCount, actual: bytes.count)
        }
        return try! T(bytes: bytes)
    }
}

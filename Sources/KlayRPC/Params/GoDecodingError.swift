/// Why a parameter did not decode, worded as Go's `encoding/json` and `hexutil` word it in Klaytn's
/// `invalid argument i: …` messages.
public enum GoDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A `json.UnmarshalTypeError`: `json: cannot unmarshal <value> into Go value of type <goType>`, or
    /// `… into Go struct field <field> of type <goType>` when `field` (`"CallArgs.gas"`) is set.
    case typeMismatch(value: String, goType: String, field: String? = nil)
    /// Any other error, printed as is (e.g. `hex string has length 38, want 40 for common.Address`).
    case other(String)

    public var description: String {
        switch self {
        case .typeMismatch(let value, let goType, nil):
            "json: cannot unmarshal \(value) into Go value of type \(goType)"
        case .typeMismatch(let value, let goType, let field?):
            "json: cannot unmarshal \(value) into Go struct field \(field) of type \(goType)"
        case .other(let message):
            message
        }
    }

    /// The error as Go reports it for a member of a struct argument: type mismatches name the field
    /// (`structName.jsonKey`), other errors are unchanged.
    public func inStructField(_ structName: String, key: String) -> GoDecodingError {
        guard case .typeMismatch(let value, let goType, nil) = self else { return self }
        return .typeMismatch(value: value, goType: goType, field: "\(structName).\(key)")
    }
}

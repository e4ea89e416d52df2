#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A parsed JSON value, so key files can be read field by field with typed errors.
enum KeystoreJSONValue: Decodable, Sendable {
    case object([String: KeystoreJSONValue])
    case array([KeystoreJSONValue])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: Key.self) {
            var fields: [String: KeystoreJSONValue] = [:]
            for key in container.allKeys {
                fields[key.stringValue] = try container.decode(KeystoreJSONValue.self, forKey: key)
            }
            self = .object(fields)
        } else if var container = try? decoder.unkeyedContainer() {
            var elements: [KeystoreJSONValue] = []
            while !container.isAtEnd {
                elements.append(try container.decode(KeystoreJSONValue.self))
            }
            self = .array(elements)
        } else {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .integer(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    /// Parses `data`, which must hold a JSON object.
    static func parseObject(_ data: Data) throws(KeystoreError) -> KeystoreJSONObject {
        let value: KeystoreJSONValue
        do {
            value = try JSONDecoder().decode(KeystoreJSONValue.self, from: data)
        } catch let error as DecodingError {
            switch error {
            case .dataCorrupted(let context): throw .invalidJSON(reason: context.debugDescription)
            default: throw .invalidJSON(reason: "\(error)")
            }
        } catch {
            throw .invalidJSON(reason: "\(error)")
        }
        guard case .object(let fields) = value else { throw .invalidJSON(reason: "top level is not an object") }
        return KeystoreJSONObject(fields: fields, path: "")
    }

    /// What the value is, for error messages.
    var kind: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .integer, .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}

/// A JSON object with its path in the file, with lookups that throw ``KeystoreError``.
///
/// Keys match exactly first, then case-insensitively, as Go's `encoding/json` does: geth and
/// Klaytn accept `Crypto` for `crypto`, and so do we.
struct KeystoreJSONObject {
    let fields: [String: KeystoreJSONValue]
    let path: String

    func path(of name: String) -> String { path.isEmpty ? name : path + "." + name }

    /// The value of field `name`, or nil when it is absent or null.
    func value(_ name: String) -> KeystoreJSONValue? {
        let found = fields[name] ?? fields.first { $0.key.lowercased() == name.lowercased() }?.value
        if case .null = found { return nil }
        return found
    }

    func required(_ name: String) throws(KeystoreError) -> KeystoreJSONValue {
        guard let value = value(name) else { throw .missingField(path(of: name)) }
        return value
    }

    func object(_ name: String) throws(KeystoreError) -> KeystoreJSONObject {
        guard case .object(let fields) = try required(name) else {
            throw .wrongType(field: path(of: name), expected: "an object")
        }
        return KeystoreJSONObject(fields: fields, path: path(of: name))
    }

    func string(_ name: String) throws(KeystoreError) -> String {
        guard case .string(let text) = try required(name) else {
            throw .wrongType(field: path(of: name), expected: "a string")
        }
        return text
    }

    /// A string field that may be absent (absent, null and "" all give nil).
    func optionalString(_ name: String) throws(KeystoreError) -> String? {
        guard let value = value(name) else { return nil }
        guard case .string(let text) = value else { throw .wrongType(field: path(of: name), expected: "a string") }
        return text.isEmpty ? nil : text
    }

    /// An integral number field (a JSON number with no fraction that fits in `Int`).
    func integer(_ name: String) throws(KeystoreError) -> Int {
        switch try required(name) {
        case .integer(let value): return value
        case .number(let value):
            if let exact = Int(exactly: value) { return exact }
            throw .wrongType(field: path(of: name), expected: "an integer")
        default: throw .wrongType(field: path(of: name), expected: "an integer")
        }
    }

    /// A hex string field (the `0x` prefix is optional).
    func hex(_ name: String) throws(KeystoreError) -> [UInt8] {
        let text = try string(name)
        do {
            return try Hex.decode(text)
        } catch {
            throw .invalidHex(field: path(of: name), error)
        }
    }
}

/// Builds the compact JSON text of key files.
///
/// Only hex digits, UUIDs and fixed names are written as strings, so no escaping is needed, and the
/// fields come in go-ethereum's order, byte-for-byte what geth and Klaytn write.
struct KeystoreJSONWriter {
    private(set) var text = ""
    private var needsComma = false

    mutating func beginObject() { separate(); text += "{"; needsComma = false }
    mutating func endObject() { text += "}"; needsComma = true }
    mutating func beginArray() { separate(); text += "["; needsComma = false }
    mutating func endArray() { text += "]"; needsComma = true }

    mutating func key(_ name: String) { separate(); text += "\"\(name)\":"; needsComma = false }
    mutating func string(_ value: String) { separate(); text += "\"\(value)\""; needsComma = true }
    mutating func integer(_ value: Int) { separate(); text += String(value); needsComma = true }

    mutating func field(_ name: String, _ value: String) { key(name); string(value) }
    mutating func field(_ name: String, _ value: Int) { key(name); integer(value) }

    private mutating func separate() { if needsComma { text += "," } }
}

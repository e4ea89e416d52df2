import Foundation
import KlayPrimitives
import Testing
import KlayTestSupport

struct BadVector: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// One case of ethereum/tests' TrieTests: updates to apply in order (a nil value deletes) and the expected root.
struct EthereumTrieVector: Sendable, CustomTestStringConvertible {
    let file: String
    let name: String
    let updates: [(key: [UInt8], value: [UInt8]?)]
    /// Whether the case promises the same root for any order of `updates` (the `…anyorder…` files and the
    /// object-shaped `in` of the hex-encoded file).
    let anyOrder: Bool
    let root: Hash

    var testDescription: String { "\(file): \(name)" }

    /// Every case of `TrieTests/<file>`.
    static func load(_ file: String) throws -> [EthereumTrieVector] {
        guard let cases = try Vectors.json("ethereum/TrieTests/\(file)") as? [String: Any] else {
            throw BadVector("\(file): not an object")
        }
        return try cases.keys.sorted().map { name in
            guard let body = cases[name] as? [String: Any], let root = body["root"] as? String else {
                throw BadVector("\(file) \(name): no root")
            }
            let updates: [(key: [UInt8], value: [UInt8]?)]
            let anyOrder: Bool
            if let pairs = body["in"] as? [[Any]] {
                updates = try pairs.map { pair in
                    guard pair.count == 2 else { throw BadVector("\(file) \(name): pair of \(pair.count)") }
                    return (try bytes(pair[0]), pair[1] is NSNull ? nil : try bytes(pair[1]))
                }
                anyOrder = false
            } else if let object = body["in"] as? [String: Any] {
                updates = try object.keys.sorted().map { key in
                    (try bytes(key), object[key] is NSNull ? nil : try bytes(object[key] as Any))
                }
                anyOrder = true
            } else {
                throw BadVector("\(file) \(name): unexpected in")
            }
            return EthereumTrieVector(file: file, name: name, updates: updates, anyOrder: anyOrder, root: try Hash(hex: root))
        }
    }

    /// A vector string as bytes: hex after `0x`, otherwise UTF-8.
    static func bytes(_ json: Any) throws -> [UInt8] {
        guard let text = json as? String else { throw BadVector("not a string: \(json)") }
        return text.hasPrefix("0x") ? try Hex.decode(text) : Array(text.utf8)
    }

    /// The entries left after all updates, as the trie should hold them.
    var finalEntries: [[UInt8]: [UInt8]] {
        var entries: [[UInt8]: [UInt8]] = [:]
        for (key, value) in updates {
            if let value, !value.isEmpty { entries[key] = value } else { entries[key] = nil }
        }
        return entries
    }
}

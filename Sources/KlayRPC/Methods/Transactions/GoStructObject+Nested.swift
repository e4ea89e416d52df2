import KlayPrimitives
import KlayTypes

/// The nested argument types several transaction-argument structs share: `types.AccessList` and
/// Klaytn's `types.TxSignaturesJSON`, decoded with the field paths Go prints in their errors.
extension GoStructObject {
    /// `types.AccessList` (`[{"address": …, "storageKeys": […]}]`) in the field `key`; nil for `null`.
    mutating func accessList(_ key: String, _ value: JSONValue) throws(GoDecodingError) -> [AccessListEntry]? {
        let path = pathPrefix + key
        switch value {
        case .null:
            return nil
        case .array(let items):
            var entries: [AccessListEntry] = []
            for item in items {
                var tuple: GoStructObject
                do {
                    tuple = try GoStructObject(item, structName: "AccessTuple", goType: "types.AccessTuple",
                                               keys: ["address", "storageKeys"], pathPrefix: path + ".")
                } catch {
                    save(.typeMismatch(value: goKind(item), goType: "types.AccessTuple", field: "\(structName).\(path)"))
                    entries.append(AccessListEntry(address: .zero, storageKeys: []))
                    continue
                }
                var entry = AccessListEntry(address: .zero, storageKeys: [])
                for member in tuple.members {
                    switch member.key {
                    case "address":
                        entry.address = try tuple.field("address", member.value, .address)
                    default:
                        entry.storageKeys = try tuple.storageKeys(member.value)
                    }
                }
                do { try tuple.finish() } catch { save(error) }
                entries.append(entry)
            }
            return entries
        default:
            save(.typeMismatch(value: goKind(value), goType: "types.AccessList", field: "\(structName).\(path)"))
            return nil
        }
    }

    /// An access tuple's `storageKeys` (`[]common.Hash`).
    private mutating func storageKeys(_ value: JSONValue) throws(GoDecodingError) -> [Hash] {
        switch value {
        case .null:
            return []
        case .array(let items):
            var keys: [Hash] = []
            for item in items { keys.append(try field("storageKeys", item, .hash)) }
            return keys
        default:
            save(.typeMismatch(value: goKind(value), goType: "[]common.Hash", field: "\(structName).\(pathPrefix)storageKeys"))
            return []
        }
    }

    /// `types.TxSignaturesJSON` (`[{"V": …, "R": …, "S": …}]`) in the field `key`; nil for `null`, so
    /// an absent list and an empty one stay apart (`sender signature is not set` needs the difference).
    /// A member without a value reads as zero.
    mutating func signatures(_ key: String, _ value: JSONValue) throws(GoDecodingError) -> [TxSignature]? {
        let path = pathPrefix + key
        switch value {
        case .null:
            return nil
        case .array(let items):
            var signatures: [TxSignature] = []
            for item in items {
                var signature = TxSignature(v: .zero, r: .zero, s: .zero)
                let object: GoStructObject
                do {
                    object = try GoStructObject(item, structName: "TxSignatureJSON", goType: "types.TxSignatureJSON",
                                                keys: ["V", "R", "S"], pathPrefix: path + ".")
                } catch {
                    save(.typeMismatch(value: goKind(item), goType: "types.TxSignatureJSON", field: "\(structName).\(path)"))
                    signatures.append(signature)
                    continue
                }
                for member in object.members {
                    let number = try object.pointer(member.key, member.value, .big) ?? nil
                    switch member.key {
                    case "V": signature.v = number ?? .zero
                    case "R": signature.r = number ?? .zero
                    default: signature.s = number ?? .zero
                    }
                }
                signatures.append(signature)
            }
            return signatures
        default:
            save(.typeMismatch(value: goKind(value), goType: "types.TxSignaturesJSON", field: "\(structName).\(path)"))
            return nil
        }
    }
}

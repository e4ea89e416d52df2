import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the state-reading methods (`api/api_public_blockchain.go`, `api_public_transaction_pool.go`):
    /// `getBalance`, `getCode`, `getStorageAt` and `getTransactionCount` for `klay` and `eth`, and the
    /// Klaytn-only `klay_getAccount`, `klay_getAccountKey`, `klay_accountCreated` and
    /// `klay_isContractAccount`. Each takes an address and a block number or hash.
    public func registerStateMethods(_ node: NodeServices) {
        for namespace in ["klay", "eth"] {
            register(namespace, "getBalance") { params throws(RPCError) in
                let (address, selector) = try params.decode(.address, .blockNumberOrHash)
                return .quantity(try node.state(selector).balance(address))
            }
            register(namespace, "getCode") { params throws(RPCError) in
                let (address, selector) = try params.decode(.address, .blockNumberOrHash)
                return .data(try node.state(selector).code(address))
            }
            register(namespace, "getStorageAt") { params throws(RPCError) in
                let (address, key, selector) = try params.decode(.address, .string, .blockNumberOrHash)
                let value = try node.state(selector).storage(address, UInt256(StorageKey.hash(key)))
                return .data(value.bigEndianBytes)
            }
            register(namespace, "getTransactionCount") { params throws(RPCError) in
                let (address, selector) = try params.decode(.address, .blockNumberOrHash)
                if selector.blockHash == nil, selector.blockNumber == .pending {
                    return .quantity(node.pool.pendingNonce(of: address))
                }
                return .quantity(try node.state(selector).nonce(address))
            }
        }
        register("klay", "getAccount") { params throws(RPCError) in
            let (address, selector) = try params.decode(.address, .blockNumberOrHash)
            return try node.state(selector).account(address).map(AccountJSON.account) ?? .null
        }
        register("klay", "getAccountKey") { params throws(RPCError) in
            let (address, selector) = try params.decode(.address, .blockNumberOrHash)
            let state = try node.state(selector)
            return state.exists(address) ? AccountJSON.key(state.key(address)) : .null
        }
        register("klay", "accountCreated") { params throws(RPCError) in
            let (address, selector) = try params.decode(.address, .blockNumberOrHash)
            return .bool(try node.state(selector).exists(address))
        }
        register("klay", "isContractAccount") { params throws(RPCError) in
            let (address, selector) = try params.decode(.address, .blockNumberOrHash)
            return .bool(try node.state(selector).account(address)?.isContractWithCode ?? false)
        }
    }
}

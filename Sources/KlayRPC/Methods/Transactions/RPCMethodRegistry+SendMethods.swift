import Foundation
import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the methods that send and sign transactions and manage the node's accounts, with
    /// Klaytn's parameters, results and texts (`klaytn:api/api_public_transaction_pool.go`,
    /// `api_ethereum.go`, `api_public_account.go`, `api_private_account.go`, `api_public_klay.go`):
    ///
    /// - `klay_`: `sendRawTransaction`, `sendTransaction`, `signTransaction`, `sendTransactionAsFeePayer`,
    ///   `signTransactionAsFeePayer`, `sign`, `accounts`, `recoverFromTransaction`, `recoverFromMessage`,
    ///   `encodeAccountKey`, `decodeAccountKey`;
    /// - `eth_`: `sendRawTransaction`, `sendTransaction`, `signTransaction`, `fillTransaction`, `sign`,
    ///   `accounts`;
    /// - `personal_`: see ``registerPersonalMethods(_:)``.
    ///
    /// `eth_sendTransaction` and `eth_fillTransaction` estimate a missing gas limit by calling this
    /// registry's `eth_estimateGas` with the arguments at `pending`, as Klaytn does. `ethTxFeeCap` is
    /// `--rpc.ethtxfeecap` in KLAY (0: no cap), checked by `eth_signTransaction`.
    public func registerSendMethods(_ node: NodeServices, ethTxFeeCap: Double = 0) {
        let service = TransactionService(node: node)
        registerKlaytnSendMethods(service)
        registerMessageMethods(service)
        registerEthereumSendMethods(service, estimateGas: estimateGasThroughRegistry, feeCap: ethTxFeeCap)
        registerPersonalMethods(service)
        register("klay", "encodeAccountKey") { params throws(RPCError) in
            let (request) = try params.decode(AccountKeyCodec.request)
            return .data(try AccountKeyCodec.encode(request))
        }
        register("klay", "decodeAccountKey") { params throws(RPCError) in
            let (bytes) = try params.decode(.bytes)
            return AccountJSON.key(try AccountKeyCodec.decode(bytes))
        }
    }

    /// `eth_estimateGas(args, "pending")` as registered here (Klaytn's `EthDoEstimateGas` at the pending block).
    private var estimateGasThroughRegistry: EthSendTxArgs.GasEstimator {
        { [weak self] (arguments: JSONValue) async throws(RPCError) -> UInt64 in
            guard let method = self?.method(named: "eth_estimateGas", enabled: ["eth"]) else {
                throw .methodNotFound("eth_estimateGas")
            }
            let result = try await method.handler(RPCParams([arguments, .string("pending")]))
            guard case .string(let text) = result, let gas = try? GoHexText.decodeUInt64(text) else {
                throw .server("eth_estimateGas answered \(result)")
            }
            return gas
        }
    }

    private func registerKlaytnSendMethods(_ service: TransactionService) {
        register("klay", "sendRawTransaction") { params throws(RPCError) in
            let (raw) = try params.decode(.bytes)
            return .string(try service.submit(TransactionService.decodeRaw(raw)).hex)
        }
        register("klay", "signTransaction") { params throws(RPCError) in
            let (args) = try params.decode(.sendTxArgs)
            let tx = try service.unsignedTransaction(args)
            return SignedTransactionJSON.klaytnResult(service.signed(tx, with: try service.unlockedKey(args.from)))
        }
        register("klay", "sendTransaction") { params throws(RPCError) in
            let (args) = try params.decode(.sendTxArgs)
            let hash = try service.withNonceLock(args.nonce == nil) { () throws(RPCError) -> Hash in
                let tx = try service.unsignedTransaction(args)
                return try service.submit(service.signed(tx, with: try service.unlockedKey(args.from)))
            }
            return .string(hash.hex)
        }
        register("klay", "signTransactionAsFeePayer") { params throws(RPCError) in
            let (args) = try params.decode(.sendTxArgs)
            let (tx, feePayer) = try service.feePayerTransaction(args)
            return SignedTransactionJSON.klaytnResult(try service.signedAsFeePayer(tx, with: try service.unlockedKey(feePayer)))
        }
        register("klay", "sendTransactionAsFeePayer") { params throws(RPCError) in
            let (args) = try params.decode(.sendTxArgs)
            try TransactionService.checkFeePayerArgs(args)
            let (tx, feePayer) = try service.feePayerTransaction(args)
            return .string(try service.submit(try service.signedAsFeePayer(tx, with: try service.unlockedKey(feePayer))).hex)
        }
        let accounts: RPCMethodHandler = { _ in .array(service.node.accounts.accounts.map { .string($0.hex) }) }
        register("klay", "accounts", handler: accounts)
        register("eth", "accounts", handler: accounts)
    }

    private func registerMessageMethods(_ service: TransactionService) {
        let sign: RPCMethodHandler = { params throws(RPCError) in
            let (address, data) = try params.decode(.address, .bytes)
            return .data(MessageSigning.sign(data, with: try service.unlockedKey(address)))
        }
        register("klay", "sign", handler: sign)
        register("eth", "sign", handler: sign)
        register("klay", "recoverFromMessage") { params throws(RPCError) in
            let (address, data, signature, number) = try params.decode(.address, .bytes, .bytes, .blockNumber)
            let normalized = try MessageSigning.checked(signature)
            let key = try service.node.state(at: try service.node.requireHeader(number)).key(address)
            var recoveryError: RPCError?
            for hash in [MessageSigning.klaytnHash(data), MessageSigning.ethereumHash(data)] {
                do throws(RPCError) {
                    let signer = try MessageSigning.recover(normalized, hash: hash)
                    if key.hasMember(signer, account: address) { return .string(signer.address.hex) }
                } catch {
                    recoveryError = error
                }
            }
            throw recoveryError ?? .server("Invalid signature")
        }
        register("klay", "recoverFromTransaction") { params throws(RPCError) in
            let (raw, number) = try params.decode(.bytes, .blockNumber)
            guard let first = raw.first else { throw .server("Empty input") }
            let bytes = first > 0 && first < 0x08 ? [0x78] + raw : raw
            let tx = try TransactionService.decodeRaw(bytes)
            let state = try service.node.state(at: try service.node.requireHeader(number))
            let height = number.height ?? (service.node.chain.head.number.uint64Value ?? 0)
            return .string(try TransactionService.validatedSender(tx, chainID: service.chainID, key: { state.key($0) },
                                                                  istanbul: service.node.chain.config.isActive(.istanbul, at: height)).hex)
        }
    }

    private func registerEthereumSendMethods(_ service: TransactionService, estimateGas: @escaping EthSendTxArgs.GasEstimator,
                                             feeCap: Double) {
        register("eth", "sendRawTransaction") { params throws(RPCError) in
            let (raw) = try params.decode(.bytes)
            guard !raw.isEmpty else { throw .server("Empty input") }
            return .string(try service.submit(TransactionService.decodeRaw(raw, form: .ethereum)).hex)
        }
        register("eth", "sendTransaction") { params throws(RPCError) in
            let (args) = try params.decode(.ethSendTxArgs)
            var filled = args
            // The pool nonce is taken under the nonce lock below, after the (possibly awaited) estimate;
            // nothing before it depends on the nonce.
            let poolNonce = args.nonce == nil
            if poolNonce { filled.nonce = 0 }
            try await filled.fillDefaults(service.defaults, estimateGas: estimateGas)
            let hash = try service.withNonceLock(poolNonce) { () throws(RPCError) -> Hash in
                if poolNonce { filled.nonce = service.defaults.pendingNonce(of: filled.sender) }
                let key = try service.unlockedKey(filled.sender)
                return try service.submit(service.signed(filled.transaction(), with: key))
            }
            return .string(hash.hex)
        }
        register("eth", "signTransaction") { params throws(RPCError) in
            var (args) = try params.decode(.ethSendTxArgs)
            if args.gas == nil { throw .server("gas not specified") }
            if args.gasPrice == nil && (args.maxPriorityFeePerGas == nil || args.maxFeePerGas == nil) {
                throw .server("missing gasPrice or maxFeePerGas/maxPriorityFeePerGas")
            }
            if args.nonce == nil { throw .server("nonce not specified") }
            try await args.fillDefaults(service.defaults, estimateGas: estimateGas)
            let tx = args.transaction()
            try TransactionService.checkTxFee(price: tx.gasPrice, gas: tx.gas, cap: feeCap)
            let signed = service.signed(tx, with: try service.unlockedKey(args.sender))
            // Klaytn answers the signed bytes but describes the unsigned transaction.
            return .object([("raw", .data(signed.ethereumRawBytes)), ("tx", SignedTransactionJSON.ethereum(tx))])
        }
        register("eth", "fillTransaction") { params throws(RPCError) in
            var (args) = try params.decode(.ethSendTxArgs)
            try await args.fillDefaults(service.defaults, estimateGas: estimateGas)
            let tx = args.transaction()
            return .object([("raw", .data(tx.ethereumRawBytes)), ("tx", SignedTransactionJSON.ethereum(tx))])
        }
    }
}

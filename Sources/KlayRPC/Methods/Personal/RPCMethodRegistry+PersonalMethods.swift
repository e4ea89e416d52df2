import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Klaytn's `personal_` methods (`klaytn:api/api_private_account.go`): `listAccounts`,
    /// `listWallets`, `newAccount`, `importRawKey`, `unlockAccount`, `lockAccount`, `sendTransaction`,
    /// `signAndSendTransaction`, `signTransaction`, `sendTransactionAsFeePayer`,
    /// `signTransactionAsFeePayer`, `sendValueTransfer`, `sendAccountUpdate`, `sign`, `ecRecover`.
    /// Signing methods decrypt the key with the given password for the one call, locked or not.
    func registerPersonalMethods(_ service: TransactionService) {
        let accounts = service.node.accounts
        register("personal", "listAccounts") { _ in .array(accounts.accounts.map { .string($0.hex) }) }
        register("personal", "listWallets") { _ in
            .array(accounts.wallets.map { wallet in
                let url = "keystore://" + (wallet.file?.path ?? "")
                return .object([
                    ("url", .string(url)),
                    ("status", .string(wallet.isUnlocked ? "Unlocked" : "Locked")),
                    ("accounts", .array([.object([("address", .string(wallet.address.hex)), ("url", .string(url))])])),
                ])
            })
        }
        register("personal", "newAccount") { params throws(RPCError) in
            let (password) = try params.decode(.string)
            do { return .string(try accounts.newAccount(password: password).hex) } catch { throw .server("\(error)") }
        }
        register("personal", "importRawKey") { params throws(RPCError) in
            let (text, password) = try params.decode(.string, .string)
            let raw = try RawKeyImport(text)
            do {
                return .string(try accounts.importKey(raw.key, password: password, address: raw.address).hex)
            } catch {
                throw .server("\(error)")
            }
        }
        register("personal", "unlockAccount") { params throws(RPCError) in
            let (address, password, seconds) = try params.decode(.address, .string, .optional(.uint64Number))
            // Go keeps the duration in a time.Duration (int64 nanoseconds).
            let maximum = UInt64(Int64.max) / 1_000_000_000
            let duration: Duration?
            switch seconds {
            case nil: duration = .seconds(300)
            case let value? where value > maximum: throw .server("unlock duration too large")
            case 0?: duration = nil
            case let value?: duration = .seconds(Int64(value))
            }
            do { try accounts.unlock(address, password: password, duration: duration) } catch { throw .server(String(describing: error)) }
            return .bool(true)
        }
        register("personal", "lockAccount") { params throws(RPCError) in
            let (address) = try params.decode(.address)
            accounts.lock(address)
            return .bool(true)
        }
        registerPersonalSigning(service)
    }

    private func registerPersonalSigning(_ service: TransactionService) {
        let signTransaction: @Sendable (SendTxArgs, String) throws(RPCError) -> Transaction = { args, password throws(RPCError) in
            let tx = try service.unsignedTransaction(args)
            try service.requireAccount(args.from)
            return service.signed(tx, with: try service.passwordKey(args.from, password: password))
        }
        register("personal", "signTransaction") { params throws(RPCError) in
            let (args, password) = try params.decode(.sendTxArgs, .string)
            return SignedTransactionJSON.klaytnResult(try signTransaction(args, password))
        }
        let send: RPCMethodHandler = { params throws(RPCError) in
            let (args, password) = try params.decode(.sendTxArgs, .string)
            let hash = try service.withNonceLock(args.nonce == nil) { () throws(RPCError) -> Hash in
                try service.submit(try signTransaction(args, password))
            }
            return .string(hash.hex)
        }
        register("personal", "sendTransaction", handler: send)
        register("personal", "signAndSendTransaction", handler: send)
        let signAsFeePayer: @Sendable (SendTxArgs, String) throws(RPCError) -> Transaction = { args, password throws(RPCError) in
            let (tx, feePayer) = try service.feePayerTransaction(args)
            try service.requireAccount(feePayer)
            return try service.signedAsFeePayer(tx, with: try service.passwordKey(feePayer, password: password))
        }
        register("personal", "signTransactionAsFeePayer") { params throws(RPCError) in
            let (args, password) = try params.decode(.sendTxArgs, .string)
            return SignedTransactionJSON.klaytnResult(try signAsFeePayer(args, password))
        }
        register("personal", "sendTransactionAsFeePayer") { params throws(RPCError) in
            let (args, password) = try params.decode(.sendTxArgs, .string)
            try TransactionService.checkFeePayerArgs(args)
            return .string(try service.submit(try signAsFeePayer(args, password)).hex)
        }
        register("personal", "sendValueTransfer") { params throws(RPCError) in
            let (args, password) = try params.decode(.valueTransferTxArgs, .string)
            try service.requireAccount(args.from)
            let hash = try service.withNonceLock(args.nonce == nil) { () throws(RPCError) -> Hash in
                let tx = try args.transaction(service.defaults)
                return try service.submit(service.signed(tx, with: try service.passwordKey(args.from, password: password)))
            }
            return .string(hash.hex)
        }
        register("personal", "sendAccountUpdate") { params throws(RPCError) in
            let (args, password) = try params.decode(.accountUpdateTxArgs, .string)
            try service.requireAccount(args.from)
            let hash = try service.withNonceLock(args.nonce == nil) { () throws(RPCError) -> Hash in
                let tx = try args.transaction(service.defaults)
                return try service.submit(service.signed(tx, with: try service.passwordKey(args.from, password: password)))
            }
            return .string(hash.hex)
        }
        register("personal", "sign") { params throws(RPCError) in
            let (data, address, password) = try params.decode(.bytes, .address, .string)
            return .data(MessageSigning.sign(data, with: try service.passwordKey(address, password: password)))
        }
        register("personal", "ecRecover") { params throws(RPCError) in
            let (data, signature) = try params.decode(.bytes, .bytes)
            let normalized = try MessageSigning.checked(signature)
            return .string(try MessageSigning.recover(normalized, hash: MessageSigning.klaytnHash(data)).address.hex)
        }
    }
}

import Foundation
import KlayPrimitives
import KlayTypes

/// Checks Klaytn runs on transactions it signs or recovers for a client.
extension TransactionService {
    /// Klaytn's `ValidateSender` followed by `tx.From()` (`klay_recoverFromTransaction`): the sender of a
    /// Klaytn type whose signatures satisfy its account key (`key` reads the state); legacy and Ethereum
    /// types are checked like that, then refused by `From()`.
    static func validatedSender(_ tx: Transaction, chainID: UInt64, key: (Address) -> AccountKey,
                                istanbul: Bool) throws(RPCError) -> Address {
        if tx.type.encoding != .klaytn {
            let recovered: Result<Address, TxError>
            do { recovered = .success(try tx.sender(chainID: chainID)) } catch { recovered = .failure(error) }
            let address = (try? recovered.get()) ?? .zero
            if key(address) != .legacy { throw .server(AccountKeyError.legacyTransactionNeedsLegacyKey.description) }
            if case .failure(let error) = recovered { throw .server(error.description) }
            throw .server("should not be called by a legacy transaction")
        }
        let signers: [PublicKey]
        do { signers = try tx.recoverSigners(chainID: chainID) } catch { throw .server(String(describing: error)) }
        let from = tx.from ?? .zero
        let role: AccountKeyRole = tx.type.descriptor.family == .accountUpdate ? .accountUpdate : .transaction
        do {
            try key(from).validate(signers: signers, role: role, address: from, istanbul: istanbul)
        } catch {
            throw .server(String(describing: error))
        }
        return from
    }

    /// Klaytn's `checkTxFee` (`eth_signTransaction`): `gas × price` in KLAY must not exceed `cap` (0: no cap).
    static func checkTxFee(price: UInt256, gas: UInt64, cap: Double) throws(RPCError) {
        guard cap != 0 else { return }
        let fee = (Double(price.description) ?? .infinity) * Double(gas) / 1e18
        if fee > cap {
            throw .server(String(format: "tx fee (%.2f klay) exceeds the configured cap (%.2f klay)", fee, cap))
        }
    }
}

import KlayPrimitives
import KlayTypes

/// The account state the pool validates against: the state at the chain's head.
///
/// The chain implements it over its state database; the pool reads through it only while it holds its
/// own lock, and keeps the reader it was given until the next ``TxPool/reset(newHead:state:)``, so an
/// implementation must describe one fixed state (a snapshot), not a live, changing one.
public protocol TxPoolStateReader: Sendable {
    /// The account's nonce (0 for an account that does not exist).
    func nonce(of address: Address) -> UInt64

    /// The account's balance in peb (0 for an account that does not exist).
    func balance(of address: Address) -> UInt256

    /// The key the account's signatures are checked against; ``AccountKey/legacy`` for an account that
    /// does not exist, as Klaytn treats it.
    func accountKey(of address: Address) -> AccountKey

    /// Whether the account is a program account (Klaytn v1.12: a smart contract account), which the
    /// value-transfer types may not send to (`IsProgramAccount`).
    func isProgramAccount(_ address: Address) -> Bool

    /// Whether the account is a contract that can run: it has code and has not self-destructed
    /// (`IsContractAvailable`), which smart contract execution requires of its recipient.
    func isContractAvailable(_ address: Address) -> Bool
}

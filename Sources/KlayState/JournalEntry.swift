import KlayPrimitives
import KlayTypes

/// One undoable change, recorded so that ``StateDB/revert(to:)`` can roll a failed call frame back.
enum JournalEntry {
    /// An account object was created (or re-created); revert restores the previous one (nil: none).
    case objectReplaced(Address, previous: StateObject?)
    case account(Address, previous: Account, existed: Bool)
    case storage(Address, slot: UInt256, previous: UInt256?)
    case code(Address, previous: [UInt8]?, previousChanged: Bool)
    case selfDestruct(Address, previous: Bool)
    case touched(Address, wasChanged: Bool)
    case refund(previous: UInt64)
    case log
    case warmAddress(Address)
    case warmSlot(StorageSlot)
    case transient(StorageSlot, previous: UInt256?)
}

/// A storage slot of an account: the key of the warm-slot set and of transient storage.
struct StorageSlot: Hashable {
    let address: Address
    let slot: UInt256
}

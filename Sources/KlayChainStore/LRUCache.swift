import Synchronization

/// A bounded, thread-safe least-recently-used cache. Entries live in one array linked into a recency
/// list by index, so a full cache recycles its oldest slot instead of allocating.
final class LRUCache<Key: Hashable & Sendable, Value: Sendable>: Sendable {
    private let state: Mutex<State>

    /// A cache of at most `capacity` entries (0 disables it).
    init(capacity: Int) {
        state = Mutex(State(capacity: max(0, capacity)))
    }

    /// The cached value of `key`, which becomes the most recently used.
    subscript(key: Key) -> Value? {
        state.withLock { $0.value(for: key) }
    }

    /// Caches `value` under `key`, evicting the least recently used entry when full.
    func insert(_ value: Value, for key: Key) {
        state.withLock { $0.insert(value, for: key) }
    }

    /// The number of entries cached.
    var count: Int { state.withLock { $0.slots.count } }

    private struct State: ~Copyable {
        struct Slot {
            var key: Key
            var value: Value
            var newer: Int?
            var older: Int?
        }

        let capacity: Int
        var slots: [Slot] = []
        var indices: [Key: Int] = [:]
        var newest: Int?
        var oldest: Int?

        init(capacity: Int) { self.capacity = capacity }

        mutating func value(for key: Key) -> Value? {
            guard let index = indices[key] else { return nil }
            moveToFront(index)
            return slots[index].value
        }

        mutating func insert(_ value: Value, for key: Key) {
            guard capacity > 0 else { return }
            if let index = indices[key] {
                slots[index].value = value
                moveToFront(index)
                return
            }
            let index: Int
            if slots.count < capacity {
                index = slots.count
                slots.append(Slot(key: key, value: value))
            } else {
                index = oldest!
                unlink(index)
                indices[slots[index].key] = nil
                slots[index] = Slot(key: key, value: value)
            }
            indices[key] = index
            linkAtFront(index)
        }

        private mutating func moveToFront(_ index: Int) {
            guard newest != index else { return }
            unlink(index)
            linkAtFront(index)
        }

        private mutating func unlink(_ index: Int) {
            let newer = slots[index].newer
            let older = slots[index].older
            if let newer { slots[newer].older = older } else { newest = older }
            if let older { slots[older].newer = newer } else { oldest = newer }
            slots[index].newer = nil
            slots[index].older = nil
        }

        private mutating func linkAtFront(_ index: Int) {
            slots[index].older = newest
            if let newest { slots[newest].newer = index }
            newest = index
            if oldest == nil { oldest = index }
        }
    }
}

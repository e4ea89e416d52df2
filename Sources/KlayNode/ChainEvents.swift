import Foundation
import KlayTypes

/// A block that became part of the chain (produced here or imported), with its receipts: what the
/// `newHeads` and `logs` subscriptions, filters and metrics follow.
public struct CommittedBlock: Sendable {
    public let block: Block
    public let receipts: [Receipt]

    public init(block: Block, receipts: [Receipt]) {
        self.block = block
        self.receipts = receipts
    }
}

/// Fans committed blocks out to any number of listeners. Publishing never waits: each listener has a
/// bounded buffer and a slow one loses its oldest blocks rather than holding up the chain.
public final class ChainEvents: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<CommittedBlock>.Continuation] = [:]

    public init() {}

    /// A stream of the blocks committed from now on; it ends when the caller stops iterating.
    public func committedBlocks(bufferLimit: Int = 256) -> AsyncStream<CommittedBlock> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<CommittedBlock>.makeStream(bufferingPolicy: .bufferingNewest(bufferLimit))
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        lock.withLock { listeners[id] = continuation }
        return stream
    }

    /// Delivers `block` to every listener.
    public func publish(_ block: CommittedBlock) {
        let current = lock.withLock { Array(listeners.values) }
        for listener in current { listener.yield(block) }
    }
}

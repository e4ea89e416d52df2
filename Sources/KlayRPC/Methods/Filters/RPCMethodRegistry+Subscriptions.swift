import KlayNode
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the subscriptions of `klay` and `eth` (spec/rpc.md §4): `newHeads` (the klay header
    /// object, or the Ethereum header with its proposer as `miner`), `logs` (one log object per
    /// notification, filtered by criteria) and `newPendingTransactions` (one hash per notification).
    public func registerSubscriptions(_ node: NodeServices) {
        register(RPCSubscriptionKind(namespace: "klay", name: "newHeads", takesArguments: false) { _ in
            Self.follow(node.events.committedBlocks()) { committed in
                [KlayHeaderJSON.header(committed.block.header, rules: node.rules(of: committed.block.header))]
            }
        })
        register(RPCSubscriptionKind(namespace: "eth", name: "newHeads", takesArguments: false) { _ in
            Self.follow(node.events.committedBlocks()) { committed in
                // Klaytn ends the subscription when the proposer cannot be recovered.
                (try? node.ethereumHeaderJSON(committed.block.header)).map { [$0] }
            }
        })
        for namespace in ["klay", "eth"] {
            register(RPCSubscriptionKind(namespace: namespace, name: "logs", takesArguments: true) { params throws(RPCError) in
                let (filter) = try params.decode(.filterCriteria)
                try FilterSystem.checkFollowable(filter)
                return Self.follow(node.events.committedBlocks()) { committed in
                    CommittedLogs.logs(of: committed).filter { FilterSystem.withinBounds($0, of: filter) }.map(LogJSON.log)
                }
            })
            register(RPCSubscriptionKind(namespace: namespace, name: "newPendingTransactions", takesArguments: false) { _ in
                Self.follow(node.pool.newPendingTransactions()) { [.string($0.hash.hex)] }
            })
        }
    }

    /// Notifications made from `events`: each event gives the payloads to send, or nil to end the
    /// subscription. The events are read from the moment this is called; unsubscribing stops reading.
    private static func follow<Event: Sendable>(
        _ events: AsyncStream<Event>, _ payloads: @escaping @Sendable (Event) -> [JSONValue]?
    ) -> AsyncStream<JSONValue> {
        let (notifications, continuation) = AsyncStream.makeStream(of: JSONValue.self)
        let reader = Task {
            for await event in events {
                guard let values = payloads(event) else { break }
                for value in values { continuation.yield(value) }
            }
            continuation.finish()
        }
        continuation.onTermination = { _ in reader.cancel() }
        return notifications
    }
}

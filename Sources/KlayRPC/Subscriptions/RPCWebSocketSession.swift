import KlayTypes

/// The subscriptions and outgoing messages of one WebSocket connection.
///
/// A subscription is added while its subscribe call runs (so it counts toward the limit and can be
/// unsubscribed at once), and starts delivering notifications only after the subscribe answer is written,
/// as Klaytn's notifier does. Closing the session stops every subscription.
actor RPCWebSocketSession {
    private enum Subscription {
        /// Created; waiting for the subscribe answer to be written.
        case pending(namespace: String, notifications: AsyncStream<JSONValue>)
        /// Forwarding notifications.
        case active(Task<Void, Never>)
    }

    private let send: @Sendable (String) async -> Void
    private let maxSubscriptions: Int
    private var subscriptions: [String: Subscription] = [:]
    private var isClosed = false

    /// A session writing text messages through `send`, allowing `maxSubscriptions` at a time.
    init(maxSubscriptions: Int, send: @escaping @Sendable (String) async -> Void) {
        self.maxSubscriptions = maxSubscriptions
        self.send = send
    }

    /// Writes one message (compact JSON and a newline, like Klaytn).
    func write(_ message: JSONValue) async {
        await send(String(decoding: RPCResponseMessage.encoded(message), as: UTF8.self))
    }

    /// Throws the limit error when the connection already has the maximum number of subscriptions.
    func checkSubscriptionLimit() throws(RPCError) {
        guard subscriptions.count < maxSubscriptions else { throw .tooManySubscriptions(limit: maxSubscriptions) }
    }

    /// Adds a subscription delivering `notifications` as `<namespace>_subscription` messages; returns its id.
    func add(namespace: String, notifications: AsyncStream<JSONValue>) -> String {
        var id = RPCSubscriptionID.random()
        while subscriptions[id] != nil { id = RPCSubscriptionID.random() }
        subscriptions[id] = .pending(namespace: namespace, notifications: notifications)
        return id
    }

    /// Starts delivering the notifications of subscriptions whose subscribe answer has been written.
    func activate(_ ids: [String]) {
        for id in ids {
            guard !isClosed, case .pending(let namespace, let notifications)? = subscriptions[id] else { continue }
            subscriptions[id] = .active(Task { [weak self] in
                for await payload in notifications {
                    guard let self else { return }
                    await self.write(RPCResponseMessage.notification(namespace: namespace, subscription: id, result: payload))
                }
            })
        }
    }

    /// Stops the subscription `id`; false if there is none.
    func unsubscribe(_ id: String) -> Bool {
        guard let subscription = subscriptions.removeValue(forKey: id) else { return false }
        Self.stop(subscription)
        return true
    }

    /// Stops every subscription: the connection is gone.
    func close() {
        isClosed = true
        for subscription in subscriptions.values { Self.stop(subscription) }
        subscriptions.removeAll()
    }

    /// Cancels the reading of a subscription's stream, which terminates the stream for its producer.
    private static func stop(_ subscription: Subscription) {
        switch subscription {
        case .active(let task):
            task.cancel()
        case .pending(_, let notifications):
            Task { for await _ in notifications {} }.cancel()
        }
    }

    /// The number of subscriptions (pending or active).
    var subscriptionCount: Int { subscriptions.count }
}

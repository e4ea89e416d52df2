import Dispatch
import KlayTypes
import Logging

/// Answers JSON-RPC messages for one endpoint (the HTTP or the WebSocket server) the way Klaytn's handler
/// does (`networks/rpc/handler.go`): single messages and batches, notifications, id echo, method lookup in
/// the endpoint's enabled namespaces, `rpc_modules`, and `*_subscribe`/`*_unsubscribe`.
final class RPCDispatcher: Sendable {
    /// What one request body produced.
    struct Answer {
        /// The message to write, or nil when nothing is answered (notifications, responses, all-notification
        /// batches).
        var response: JSONValue?
        /// Subscriptions created by the request, to start once `response` is written.
        var createdSubscriptions: [String] = []
    }

    let registry: RPCMethodRegistry
    /// The enabled namespaces, `rpc` included.
    let enabledNamespaces: Set<String>
    let logger: Logger

    init(registry: RPCMethodRegistry, modules: [String], logger: Logger) {
        self.registry = registry
        self.enabledNamespaces = Set(modules).union(["rpc"])
        self.logger = logger
    }

    /// Answers a parsed request body: one message or a batch. `session` is the WebSocket connection, nil
    /// over HTTP (where subscriptions are not supported).
    func answer(_ body: JSONValue, session: RPCWebSocketSession?) async -> Answer {
        var answer = Answer()
        guard case .array(let items) = body else {
            answer.response = await respond(to: RPCRequestMessage(body), session: session, created: &answer.createdSubscriptions)
            return answer
        }
        guard !items.isEmpty else {
            answer.response = RPCResponseMessage.error(.invalidRequest("empty batch"))
            return answer
        }
        // Klaytn runs a batch's calls one after another and answers them in order.
        var responses: [JSONValue] = []
        for item in items {
            if let response = await respond(to: RPCRequestMessage(item), session: session, created: &answer.createdSubscriptions) {
                responses.append(response)
            }
        }
        answer.response = responses.isEmpty ? nil : .array(responses)
        return answer
    }

    /// The answer to one message, or nil when it gets none.
    private func respond(to message: RPCRequestMessage, session: RPCWebSocketSession?, created: inout [String]) async -> JSONValue? {
        if message.isIgnored { return nil }
        if message.isNotification {
            _ = await run(message, session: session, created: &created)
            return nil
        }
        guard message.isCall, let id = message.id else {
            logger.debug("Invalid JSON-RPC request")
            return RPCResponseMessage.error(.invalidRequest(), id: message.hasValidID ? message.id ?? .null : .null)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let outcome = await run(message, session: session, created: &created)
        var failure: RPCError?
        if case .failure(let error) = outcome { failure = error }
        RPCMetrics.record(method: failure?.code == RPCError.methodNotFound("").code ? "unknown" : message.method,
                          failed: failure != nil, nanoseconds: DispatchTime.now().uptimeNanoseconds - started)
        switch outcome {
        case .success(let result):
            logger.trace("Served \(message.method)")
            return RPCResponseMessage.result(result, id: id)
        case .failure(let error):
            logger.debug("Served \(message.method)", metadata: ["err": "\(error.message)"])
            return RPCResponseMessage.error(error, id: id)
        }
    }

    /// Runs the method a message names.
    private func run(_ message: RPCRequestMessage, session: RPCWebSocketSession?, created: inout [String]) async -> Result<JSONValue, RPCError> {
        do throws(RPCError) {
            if message.method.hasSuffix("_subscribe") {
                let id = try await subscribe(message, session: session)
                created.append(id)
                return .success(.string(id))
            }
            if message.method.hasSuffix("_unsubscribe") {
                let (id) = try RPCParams(member: message.params).decode(.goString("rpc.ID"))
                guard let session, await session.unsubscribe(id) else { throw .unknownSubscription }
                return .success(.bool(true))
            }
            let handler: RPCMethodHandler
            if message.method == "rpc_modules" {
                handler = { _ in self.modules }
            } else if let method = registry.method(named: message.method, enabled: enabledNamespaces) {
                handler = method.handler
            } else {
                throw .methodNotFound(message.method)
            }
            let params = try RPCParams(member: message.params)
            return .success(try await handler(params))
        } catch {
            return .failure(error)
        }
    }

    /// `rpc_modules`: `{"<namespace>":"1.0",…}` in Go's map order.
    private var modules: JSONValue {
        let namespaces = registry.availableNamespaces(enabled: enabledNamespaces).union(["rpc"])
        return JSONValue.object(namespaces.map { ($0, JSONValue.string("1.0")) }).sortedByKey()
    }

    /// `<namespace>_subscribe([name, args…])`: creates a subscription on `session` and returns its id.
    private func subscribe(_ message: RPCRequestMessage, session: RPCWebSocketSession?) async throws(RPCError) -> String {
        guard let session else { throw .notificationsNotSupported }
        try await session.checkSubscriptionLimit()
        guard case .array(let values)? = message.params else { throw .invalidParams("non-array args") }
        guard case .string(let name)? = values.first else {
            throw .invalidParams("expected subscription name as first argument")
        }
        let namespace = message.namespace
        guard let kind = registry.subscriptionKind(namespace: namespace, name: name, enabled: enabledNamespaces) else {
            throw .subscriptionNotFound(namespace: namespace, name: name)
        }
        if !kind.takesArguments, values.count > 1 {
            throw .invalidParams("too many arguments, want at most 1")
        }
        let notifications = try await kind.start(RPCParams(values, firstIndex: 1))
        return await session.add(namespace: namespace, notifications: notifications)
    }
}

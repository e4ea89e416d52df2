import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import NIOCore
import KlayTypes
import Logging
import Synchronization

/// The WebSocket endpoint: the handshake checks (origin, connection limit), the answer to plain HTTP
/// requests, and the message loop of each connection.
///
/// Like Klaytn (`networks/rpc/websocket.go`, `client.go`), each message is handled concurrently with the
/// others, answers and notifications go out as text messages ending in a newline, a message that is not
/// JSON gets a `-32700` error with Go's syntax error text and closes the connection, and so does a message
/// over the size limit (without an answer). Closing the connection stops its subscriptions.
struct RPCWebSocketEndpoint: Sendable {
    let dispatcher: RPCDispatcher
    let origins: RPCWebSocketOriginPolicy
    let maxConnections: Int
    let maxSubscriptionsPerConnection: Int
    let maxMessageSize: Int
    private let openConnections = OpenConnections()

    init(dispatcher: RPCDispatcher, configuration: RPCServerConfiguration) {
        self.dispatcher = dispatcher
        self.origins = RPCWebSocketOriginPolicy(allowedOrigins: configuration.webSocketOrigins)
        self.maxConnections = configuration.maxWebSocketConnections
        self.maxSubscriptionsPerConnection = configuration.maxSubscriptionsPerConnection
        self.maxMessageSize = configuration.maxRequestContentLength
    }

    /// The count of open connections, shared by the copies of the endpoint.
    private final class OpenConnections: Sendable {
        let count = Mutex(0)
    }

    /// The Hummingbird server builder: HTTP/1 with the WebSocket upgrade.
    var serverBuilder: HTTPServerBuilder {
        .http1WebSocketUpgrade(
            configuration: .init(ws: WebSocketServerConfiguration(maxFrameSize: maxMessageSize))
        ) { (request: HTTPRequest, _: any Channel, _: Logger) async throws -> ShouldUpgradeResult<WebSocketDataHandler<HTTP1WebSocketUpgradeChannel.Context>> in
            guard origins.allows(origin: request.headerFields[.origin]), hasRoomForConnection else { return .dontUpgrade }
            return .upgrade([:]) { inbound, outbound, context in
                await serve(inbound: inbound, outbound: outbound, logger: context.logger)
            }
        }
    }

    private var hasRoomForConnection: Bool { openConnections.count.withLock { $0 < maxConnections } }

    /// The answer to a plain HTTP request (no upgrade), as gorilla/websocket's upgrader gives it. A refused
    /// upgrade (origin or connection limit) is answered by Hummingbird with an empty 400, where Klaytn
    /// sends `403 Forbidden` or an empty 200.
    var plainRequestResponder: CallbackResponder<BasicRequestContext> {
        CallbackResponder { _, _ in
            Response(
                status: .badRequest,
                headers: [.contentType: "text/plain; charset=utf-8", .xContentTypeOptions: "nosniff", .secWebSocketVersion: "13"],
                body: .init(byteBuffer: ByteBuffer(string: "Bad Request\n"))
            )
        }
    }

    /// Runs one connection until the peer closes it or sends something unreadable.
    private func serve(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async {
        openConnections.count.withLock { $0 += 1 }
        defer { openConnections.count.withLock { $0 -= 1 } }
        let session = RPCWebSocketSession(maxSubscriptions: maxSubscriptionsPerConnection) { text in
            do {
                try await outbound.write(.text(text))
            } catch {
                logger.debug("WebSocket write failed", metadata: ["error": "\(error)"])
            }
        }
        let dispatcher = self.dispatcher
        await withDiscardingTaskGroup { group in
            do {
                reading: for try await message in inbound.messages(maxSize: maxMessageSize) {
                    let bytes: [UInt8] = switch message {
                    case .text(let text): Array(text.utf8)
                    case .binary(let buffer): Array(buffer.readableBytesView)
                    }
                    switch RPCRequestBody(bytes) {
                    case .empty, .truncated:
                        break reading
                    case .invalid(let reason):
                        await session.write(RPCResponseMessage.error(.parseError(reason)))
                        break reading
                    case .message(let body):
                        group.addTask {
                            let answer = await dispatcher.answer(body, session: session)
                            if let response = answer.response { await session.write(response) }
                            await session.activate(answer.createdSubscriptions)
                        }
                    }
                }
            } catch {
                logger.debug("WebSocket read ended", metadata: ["error": "\(error)"])
            }
        }
        await session.close()
    }
}

import NIOCore
import NIOPosix

/// A minimal WebSocket client for the tests: the opening handshake, masked text frames out, and unmasked
/// frames in (text, binary and close).
struct WebSocketTestClient {
    enum Frame: Equatable {
        case text(String)
        case close
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Connects to `port`, performs the handshake with `origin`, and runs `body` on the open connection.
    /// Returns the status line when the server refuses the upgrade instead.
    static func withConnection(
        port: Int,
        origin: String? = nil,
        _ body: (inout Connection) async throws -> Void
    ) async throws -> String? {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        return try await channel.executeThenClose { inbound, outbound in
            var connection = Connection(iterator: inbound.makeAsyncIterator(), outbound: outbound)
            let originLine = origin.map { "Origin: \($0)\r\n" } ?? ""
            try await outbound.write(ByteBuffer(string:
                "GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\(originLine)\r\n"))
            let head = try await connection.readHead()
            let statusLine = String(head.prefix { $0 != "\r" })
            guard statusLine.contains(" 101 ") else { return statusLine }
            try await body(&connection)
            return nil
        }
    }

    struct Connection {
        var iterator: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
        let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
        var pending: [UInt8] = []

        private mutating func fill(_ count: Int) async throws {
            while pending.count < count {
                guard let buffer = try await iterator.next() else { throw Failure(description: "connection closed") }
                pending.append(contentsOf: buffer.readableBytesView)
            }
        }

        private mutating func take(_ count: Int) async throws -> [UInt8] {
            try await fill(count)
            defer { pending.removeFirst(count) }
            return Array(pending.prefix(count))
        }

        mutating func readHead() async throws -> String {
            while true {
                let text = String(decoding: pending, as: UTF8.self)
                if let end = text.range(of: "\r\n\r\n") {
                    let head = String(text[..<end.lowerBound])
                    pending.removeFirst(text[..<end.upperBound].utf8.count)
                    return head
                }
                try await fill(pending.count + 1)
            }
        }

        /// Sends one masked text frame.
        func send(_ text: String) async throws {
            let payload = Array(text.utf8)
            var frame: [UInt8] = [0x81]
            if payload.count < 126 {
                frame.append(0x80 | UInt8(payload.count))
            } else if payload.count < 65536 {
                frame.append(0x80 | 126)
                frame.append(contentsOf: [UInt8(payload.count >> 8), UInt8(payload.count & 0xff)])
            } else {
                frame.append(0x80 | 127)
                frame.append(contentsOf: (0..<8).reversed().map { UInt8((payload.count >> ($0 * 8)) & 0xff) })
            }
            let mask: [UInt8] = [0x12, 0x34, 0x56, 0x78]
            frame.append(contentsOf: mask)
            frame.append(contentsOf: payload.enumerated().map { $0.element ^ mask[$0.offset % 4] })
            try await outbound.write(ByteBuffer(bytes: frame))
        }

        /// The next data or close frame; pings are skipped.
        mutating func receive() async throws -> Frame {
            while true {
                let header = try await take(2)
                var length = Int(header[1] & 0x7f)
                if length == 126 {
                    length = try await take(2).reduce(0) { $0 << 8 | Int($1) }
                } else if length == 127 {
                    length = try await take(8).reduce(0) { $0 << 8 | Int($1) }
                }
                let payload = try await take(length)
                switch header[0] & 0x0f {
                case 0x1, 0x2: return .text(String(decoding: payload, as: UTF8.self))
                case 0x8: return .close
                default: continue
                }
            }
        }
    }
}

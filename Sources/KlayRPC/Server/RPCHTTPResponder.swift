import Foundation
import Hummingbird
import KlayTypes
import Logging

/// The HTTP endpoint's request handling, in the order of Klaytn's handler chain (`networks/rpc/http.go`):
/// Host check, CORS, health-check GET, method, length and content-type checks, then one request body
/// dispatched within the execution timeout.
struct RPCHTTPResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let dispatcher: RPCDispatcher
    let cors: RPCCORSPolicy
    let virtualHosts: RPCVirtualHostPolicy
    let maxContentLength: Int
    let executionTimeout: Duration

    /// Content types Klaytn accepts (JSON-RPC over HTTP's list).
    private static let acceptedContentTypes: Set<String> = ["application/json", "application/json-rpc", "application/jsonrequest"]

    func respond(to request: Request, context: Context) async throws -> Response {
        guard virtualHosts.allows(authority: request.head.authority) else {
            return Self.plainError(.forbidden, "invalid host specified", headers: [:])
        }
        if cors.isPreflight(request.head) {
            return Response(status: .ok, headers: cors.preflightHeaders(request.head))
        }
        var headers = cors.actualRequestHeaders(request.head)
        let contentLength = request.headers[.contentLength].flatMap { Int($0) }
        let hasUnknownLength = request.headers[.transferEncoding] != nil
        // Empty GETs are remote health checks.
        if request.method == .get, contentLength ?? 0 == 0, !hasUnknownLength, request.uri.query == nil {
            return Response(status: .ok, headers: headers)
        }
        if request.method == .put || request.method == .delete {
            return Self.plainError(.methodNotAllowed, "method not allowed", headers: headers)
        }
        if let contentLength, contentLength > maxContentLength {
            return Self.plainError(.init(code: 413, reasonPhrase: "Request Entity Too Large"), "content length too large (\(contentLength)>\(maxContentLength))", headers: headers)
        }
        if request.method != .options, !Self.acceptedContentTypes.contains(Self.mediaType(request.headers[.contentType])) {
            return Self.plainError(.unsupportedMediaType, "invalid content type, only application/json is supported", headers: headers)
        }
        headers[.contentType] = "application/json"
        let body = try await readBody(request.body)
        let dispatcher = self.dispatcher
        let timeout = Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: "timeout")))
        return await RPCExecutionDeadline.run(limit: executionTimeout, onTimeout: timeout) { [headers] in
            let answer: JSONValue?
            switch RPCRequestBody(body) {
            case .empty: answer = nil
            case .truncated, .invalid: answer = RPCResponseMessage.error(.parseError())
            case .message(let message): answer = await dispatcher.answer(message, session: nil).response
            }
            let bytes = answer.map(RPCResponseMessage.encoded) ?? []
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
    }

    /// The body, cut at the size limit as Klaytn's `io.LimitReader` cuts it.
    private func readBody(_ body: RequestBody) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await buffer in body {
            let room = maxContentLength - bytes.count
            bytes.append(contentsOf: buffer.readableBytesView.prefix(room))
            if bytes.count >= maxContentLength { break }
        }
        return bytes
    }

    /// The lower-cased media type of a Content-Type value, as `mime.ParseMediaType` finds it; empty when
    /// there is none.
    private static func mediaType(_ contentType: String?) -> String {
        guard let contentType else { return "" }
        let type = contentType.prefix { $0 != ";" }.trimmingCharacters(in: .whitespaces)
        return type.lowercased()
    }

    /// Go's `http.Error`: the text and a newline as `text/plain`.
    private static func plainError(_ status: HTTPResponse.Status, _ text: String, headers: HTTPFields) -> Response {
        var headers = headers
        headers[.contentType] = "text/plain; charset=utf-8"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}

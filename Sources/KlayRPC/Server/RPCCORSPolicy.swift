import HTTPTypes

/// Cross-origin handling of the HTTP endpoint (`--rpccorsdomain`), as Klaytn configures `rs/cors` v1.7.0:
/// methods POST and GET, any request header, max age 600. With no allowed origins there is no CORS handling
/// at all.
struct RPCCORSPolicy: Sendable {
    private let allowsAllOrigins: Bool
    private let origins: [String]
    private let wildcardOrigins: [(prefix: String, suffix: String)]
    /// Whether CORS headers are produced at all.
    let isEnabled: Bool

    private static let allowedMethods: Set<String> = ["POST", "GET"]
    private static let maxAge = "600"

    init(allowedOrigins: [String]) {
        isEnabled = !allowedOrigins.isEmpty
        var allowsAll = false
        var exact: [String] = []
        var wildcards: [(String, String)] = []
        for origin in allowedOrigins.map({ $0.lowercased() }) {
            if origin == "*" {
                allowsAll = true
                exact = []
                wildcards = []
                break
            } else if let star = origin.firstIndex(of: "*") {
                wildcards.append((String(origin[..<star]), String(origin[origin.index(after: star)...])))
            } else {
                exact.append(origin)
            }
        }
        allowsAllOrigins = allowsAll
        origins = exact
        wildcardOrigins = wildcards
    }

    private func allows(origin: String) -> Bool {
        if allowsAllOrigins { return true }
        let origin = origin.lowercased()
        if origins.contains(origin) { return true }
        return wildcardOrigins.contains { origin.count >= $0.prefix.count + $0.suffix.count && origin.hasPrefix($0.prefix) && origin.hasSuffix($0.suffix) }
    }

    private static func allows(method: String) -> Bool {
        let method = method.uppercased()
        return method == "OPTIONS" || allowedMethods.contains(method)
    }

    /// Whether `request` is a preflight request, which CORS answers alone (status 200, no body).
    func isPreflight(_ request: HTTPRequest) -> Bool {
        isEnabled && request.method == .options && !(request.headerFields[.accessControlRequestMethod] ?? "").isEmpty
    }

    /// The headers of the answer to a preflight request.
    func preflightHeaders(_ request: HTTPRequest) -> HTTPFields {
        var headers = HTTPFields()
        headers.append(HTTPField(name: .vary, value: "Origin"))
        headers.append(HTTPField(name: .vary, value: "Access-Control-Request-Method"))
        headers.append(HTTPField(name: .vary, value: "Access-Control-Request-Headers"))
        guard let origin = request.headerFields[.origin], !origin.isEmpty, allows(origin: origin) else { return headers }
        let method = request.headerFields[.accessControlRequestMethod] ?? ""
        guard Self.allows(method: method) else { return headers }
        let requestedHeaders = Self.headerList(request.headerFields[.accessControlRequestHeaders] ?? "")
        headers[.accessControlAllowOrigin] = allowsAllOrigins ? "*" : origin
        headers[.accessControlAllowMethods] = method.uppercased()
        if !requestedHeaders.isEmpty { headers[.accessControlAllowHeaders] = requestedHeaders.joined(separator: ", ") }
        headers[.accessControlMaxAge] = Self.maxAge
        return headers
    }

    /// The headers CORS adds to the answer of any other request.
    func actualRequestHeaders(_ request: HTTPRequest) -> HTTPFields {
        var headers = HTTPFields()
        guard isEnabled, request.method != .options else { return headers }
        headers.append(HTTPField(name: .vary, value: "Origin"))
        guard let origin = request.headerFields[.origin], !origin.isEmpty, allows(origin: origin),
              Self.allows(method: request.method.rawValue) else { return headers }
        headers[.accessControlAllowOrigin] = allowsAllOrigins ? "*" : origin
        return headers
    }

    /// rs/cors' `parseHeaderList`: names split at commas and spaces, in canonical form (`Content-Type`).
    private static func headerList(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " }).map { name in
            var upper = true
            return String(name.map { character -> Character in
                defer { upper = character == "-" }
                return upper ? Character(character.uppercased()) : Character(character.lowercased())
            })
        }
    }
}

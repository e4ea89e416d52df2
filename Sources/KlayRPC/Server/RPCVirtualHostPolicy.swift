import NIOCore

/// The Host-header check of the HTTP endpoint (`--rpcvhosts`, default `localhost`), as Klaytn's
/// `virtualHostHandler`: requests without a Host header and requests to an IP address always pass;
/// a host name must be listed (the list is lower-cased, the request's name is compared as sent) or the
/// list must contain `*`.
struct RPCVirtualHostPolicy: Sendable {
    private let hosts: Set<String>

    init(allowedHosts: [String]) {
        hosts = Set(allowedHosts.map { $0.lowercased() })
    }

    func allows(authority: String?) -> Bool {
        guard let authority, !authority.isEmpty else { return true }
        let host = Self.hostWithoutPort(authority)
        if (try? SocketAddress(ipAddress: host, port: 0)) != nil { return true }
        return hosts.contains("*") || hosts.contains(host)
    }

    /// Go's `net.SplitHostPort` host, or the whole authority when it does not split.
    private static func hostWithoutPort(_ authority: String) -> String {
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return authority }
            let rest = authority[authority.index(after: close)...]
            guard rest.first == ":", !rest.dropFirst().contains(":") else { return authority }
            return String(authority[authority.index(after: authority.startIndex)..<close])
        }
        let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 2 ? String(parts[0]) : authority
    }
}

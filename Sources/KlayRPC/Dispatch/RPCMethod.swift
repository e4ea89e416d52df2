import KlayTypes

/// What a method runs: it decodes its parameters and returns the result, or throws the error to answer.
public typealias RPCMethodHandler = @Sendable (RPCParams) async throws(RPCError) -> JSONValue

/// One JSON-RPC method, callable as `<namespace>_<name>`.
public struct RPCMethod: Sendable {
    /// The namespace (`klay`, `eth`, `net`, …), enabled per endpoint by `--rpcapi`/`--wsapi`.
    public let namespace: String
    /// The name after the namespace, e.g. `getBalance`.
    public let name: String
    /// The implementation.
    public let handler: RPCMethodHandler

    /// A method `<namespace>_<name>` run by `handler`.
    public init(namespace: String, name: String, handler: @escaping RPCMethodHandler) {
        self.namespace = namespace
        self.name = name
        self.handler = handler
    }

    /// `<namespace>_<name>`.
    public var fullName: String { "\(namespace)_\(name)" }
}

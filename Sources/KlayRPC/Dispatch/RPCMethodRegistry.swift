import Synchronization

/// Every method and subscription kind the node offers, declared once; endpoints choose which namespaces
/// they expose.
///
/// Registration may happen at any time, also while a server runs (the lead registers the chain-backed
/// methods when the chain is ready). A later registration of the same name replaces the earlier one.
public final class RPCMethodRegistry: Sendable {
    private struct State {
        var methods: [String: [String: RPCMethod]] = [:]
        var subscriptionKinds: [String: [String: RPCSubscriptionKind]] = [:]
        var aliases: [String: String] = [:]
    }

    private let state = Mutex(State())

    /// An empty registry.
    public init() {}

    /// Adds (or replaces) a method.
    public func register(_ method: RPCMethod) {
        state.withLock { $0.methods[method.namespace, default: [:]][method.name] = method }
    }

    /// Adds (or replaces) the method `<namespace>_<name>`.
    public func register(_ namespace: String, _ name: String, handler: @escaping RPCMethodHandler) {
        register(RPCMethod(namespace: namespace, name: name, handler: handler))
    }

    /// Adds (or replaces) a subscription kind.
    public func register(_ kind: RPCSubscriptionKind) {
        state.withLock { $0.subscriptionKinds[kind.namespace, default: [:]][kind.name] = kind }
    }

    /// Makes `alias` another name of `namespace`: `<alias>_x` runs `<namespace>_x` (Kaia's `kaia_` for
    /// `klay_`). The alias is available wherever `namespace` or `alias` itself is enabled.
    public func addAlias(_ alias: String, of namespace: String) {
        state.withLock { $0.aliases[alias] = namespace }
    }

    /// The namespace whose declarations `namespace` uses on an endpoint with `enabled` namespaces, or nil
    /// when it is not available there.
    private func resolve(_ namespace: String, enabled: Set<String>, in state: State) -> String? {
        if let target = state.aliases[namespace] {
            return enabled.contains(target) || enabled.contains(namespace) ? target : nil
        }
        return enabled.contains(namespace) ? namespace : nil
    }

    /// The method `fullName` (`<namespace>_<name>`) if its namespace is among `enabled`.
    func method(named fullName: String, enabled: Set<String>) -> RPCMethod? {
        guard let separator = fullName.firstIndex(of: "_") else { return nil }
        let namespace = String(fullName[..<separator])
        let name = String(fullName[fullName.index(after: separator)...])
        return state.withLock { state in
            resolve(namespace, enabled: enabled, in: state).flatMap { state.methods[$0]?[name] }
        }
    }

    /// The subscription kind `name` of `namespace` if the namespace is among `enabled`.
    func subscriptionKind(namespace: String, name: String, enabled: Set<String>) -> RPCSubscriptionKind? {
        state.withLock { state in
            resolve(namespace, enabled: enabled, in: state).flatMap { state.subscriptionKinds[$0]?[name] }
        }
    }

    /// The namespaces among `enabled` that have at least one declaration, plus enabled aliases of them:
    /// what `rpc_modules` lists (Klaytn registers only namespaces with methods).
    func availableNamespaces(enabled: Set<String>) -> Set<String> {
        state.withLock { state in
            let declared = Set(state.methods.keys).union(state.subscriptionKinds.keys)
            var available = declared.intersection(enabled)
            for (alias, target) in state.aliases where declared.contains(target) {
                if enabled.contains(target) || enabled.contains(alias) { available.insert(alias) }
            }
            return available
        }
    }
}

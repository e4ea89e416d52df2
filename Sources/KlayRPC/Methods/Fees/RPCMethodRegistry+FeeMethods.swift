import KlayNode
import KlayPrimitives
import KlayTypes

extension RPCMethodRegistry {
    /// Registers the fee methods of `klay` and `eth` (`api/api_public_klay.go`, `node/cn/gasprice`):
    /// `gasPrice` (twice the pool's next base fee from Magma, the unit price before), `maxPriorityFeePerGas`
    /// (0 from Magma, the unit price before), `upperBoundGasPrice`, `lowerBoundGasPrice` (the KIP-71 bounds
    /// from Magma, the unit price before) and `feeHistory`.
    public func registerFeeMethods(_ node: NodeServices) {
        for namespace in ["klay", "eth"] {
            register(namespace, "gasPrice") { _ in
                .quantity(Self.nextBlockIsMagma(node) ? node.pool.gasPrice &* UInt256(2) : node.pool.gasPrice)
            }
            register(namespace, "maxPriorityFeePerGas") { _ in
                .quantity(Self.nextBlockIsMagma(node) ? .zero : node.pool.gasPrice)
            }
            register(namespace, "upperBoundGasPrice") { _ in
                let parameters = node.chain.processor.parameters
                return .quantity(Self.headIsMagma(node) ? UInt256(parameters.kip71.upperBoundBaseFee) : parameters.unitPrice)
            }
            register(namespace, "lowerBoundGasPrice") { _ in
                let parameters = node.chain.processor.parameters
                return .quantity(Self.headIsMagma(node) ? UInt256(parameters.kip71.lowerBoundBaseFee) : parameters.unitPrice)
            }
            register(namespace, "feeHistory") { params throws(RPCError) in
                let (count, last, percentiles) = try params.decode(.decimalOrHex, .blockNumber, .floats)
                return try FeeHistory.history(node: node, blockCount: count, lastBlock: last, percentiles: percentiles)
            }
        }
    }

    private static func nextBlockIsMagma(_ node: NodeServices) -> Bool {
        node.chain.config.isActive(.magma, at: (node.chain.head.number.uint64Value ?? 0) &+ 1)
    }

    private static func headIsMagma(_ node: NodeServices) -> Bool {
        node.chain.config.isActive(.magma, at: node.chain.head.number.uint64Value ?? 0)
    }
}

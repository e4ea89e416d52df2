import KlayTypes

/// `debug_trace*`'s options (`klaytn:node/cn/tracers/api.go` `TraceConfig` with its embedded
/// `vm.LogConfig`). Only the struct logger is available: a named ``tracer`` is refused by the methods.
struct TraceConfig: Sendable, Equatable {
    var disableMemory = false
    var disableStack = false
    var disableStorage = false
    /// The most struct logs kept; 0 for no limit.
    var limit = 0
    /// A JavaScript or native tracer's name or source (`callTracer`, `fastCallTracer`, …).
    var tracer: String?

    /// The error for a requested tracer other than the struct logger.
    var unsupportedTracer: RPCError? {
        tracer.map { .server("not supported yet: tracer \(GoQuote.string($0))") }
    }
}

extension RPCParamDecoder where Value == TraceConfig? {
    /// `*TraceConfig`: omitted or `null` gives the defaults (nil); keys match case-insensitively.
    static var traceConfig: Self {
        .optional(TraceConfig.decoder)
    }
}

extension TraceConfig {
    /// Decodes the object form; promoted `LogConfig` fields are named `LogConfig.X` in errors, as Go does.
    static var decoder: RPCParamDecoder<TraceConfig> {
        RPCParamDecoder<TraceConfig> { (value: JSONValue) throws(GoDecodingError) -> TraceConfig in
            let object = try GoStructDecoding(value, goType: "tracers.TraceConfig", structName: "TraceConfig")
            var config = TraceConfig()
            config.disableMemory = try object.field("DisableMemory", .bool, absent: false, path: "LogConfig.DisableMemory")
            config.disableStack = try object.field("DisableStack", .bool, absent: false, path: "LogConfig.DisableStack")
            config.disableStorage = try object.field("DisableStorage", .bool, absent: false, path: "LogConfig.DisableStorage")
            _ = try object.field("Debug", .bool, absent: false, path: "LogConfig.Debug")
            config.limit = try object.field("Limit", .int, absent: 0, path: "LogConfig.Limit")
            config.tracer = try object.optional("Tracer", .string)
            _ = try object.optional("Timeout", .string)
            _ = try object.optional("LoggerTimeout", .string)
            _ = try object.optional("Reexec", .uint64Number)
            return config
        }
    }
}

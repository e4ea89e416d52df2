/// The `debug_` methods this node answers with `not supported yet: <method>` (code -32000) rather than
/// "method not found", so a client learns the method is known but not offered. Go-runtime profiling
/// and logging controls have no Swift counterpart; the file-writing and file-reading tracers are
/// IPC-only "unsafe" methods in Klaytn and this node has no IPC endpoint; the rest are not built yet.
enum UnsupportedDebugMethods {
    static let names: [String] = [
        // Go runtime, profiling and logging (`klaytn:api/debug/api.go`).
        "verbosity", "verbosityByName", "verbosityByID", "vmodule", "backtraceAt", "memStats", "gcStats", "stacks",
        "freeOSMemory", "setGCPercent", "cpuProfile", "goTrace", "blockProfile", "mutexProfile", "startCPUProfile",
        "stopCPUProfile", "startGoTrace", "stopGoTrace", "setBlockProfileRate", "setMutexProfileFraction",
        "writeBlockProfile", "writeMutexProfile", "writeMemProfile", "startPProf", "stopPProf", "isPProfRunning",
        "setVMLogTarget", "writeVMLog", "metrics",
        // Tracers that read or write files or stream a range (unsafe in Klaytn).
        "traceBlockFromFile", "standardTraceBlockToFile", "standardTraceBadBlockToFile", "traceBlockByNumberRange",
        "traceChain",
        // Chain and state inspection not built yet.
        "printBlock", "dumpBlock", "dumpStateTrie", "getModifiedAccountsByNumber", "getModifiedAccountsByHash",
        "getModifiedStorageNodesByNumber", "getBadBlocks", "storageRangeAt", "preimage", "chaindbProperty",
        "chaindbCompact", "startWarmUp", "startContractWarmUp", "stopWarmUp", "startCollectingTrieStats",
    ]
}

import Foundation

/// Locates the third-party vectors in `../shared/vectors`, relative to the package root.
///
/// The package root is found from this file's path, so tests work from any working directory.
/// A missing folder is an error, never a silent skip.
enum Vectors {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "test vectors not found at \(path): check out shared/ beside the package" }
    }

    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KlayPrecompilesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()  // its parent
        .appendingPathComponent("shared/vectors")

    /// The URL of `relativePath` below `../shared/vectors`, or `Missing` if it does not exist.
    static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The parsed JSON of a vector file.
    static func json(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(relativePath)), options: [.fragmentsAllowed])
    }
}

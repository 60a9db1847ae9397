import Foundation
import XCTest

/// The binary never runs an AVX instruction on a CPU without AVX: every function that contains one
/// belongs to a kernel module built with target flags (its public wrappers, or specialisations for
/// its private `KernelPolicy`), which the code enters only after the CPU check. Checks this test
/// bundle's own machine code (it links every module) with objdump and swift-demangle.
final class InstructionSetTests: XCTestCase {
    private func run(_ arguments: [String], input: Data? = nil) throws -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(input) }
        try stdin.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }

    func testWideInstructionsOnlyInFlaggedKernelModules() throws {
        #if arch(x86_64)
        let executable = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        // One line per function with a YMM/ZMM register, a mask register or an FMA: "name evex vnni",
        // evex = 1 when it uses ZMM or mask registers (AVX-512 only), vnni = 1 when it has an AVX-512
        // VNNI dot product (`vpdpbusd`, `vpdpwssd` and their saturating forms).
        let script = """
            objdump -d --no-show-raw-insn '\(executable)' | awk '
              /^[0-9a-f]+ <.*>:$/ { name = substr($2, 2, length($2) - 3); next }
              /%ymm|%zmm|vfmadd|%k[0-7]/ { wide[name] = 1; order[name] = order[name] ? order[name] : ++n }
              /%zmm|%k[0-7]/ { evex[name] = 1 }
              /vpdpbus|vpdpwss/ { vnni[name] = 1 }
              END { for (f in wide) print order[f], f, (f in evex) ? 1 : 0, (f in vnni) ? 1 : 0 }' | sort -n | cut -d" " -f2-
            """
        guard let listing = try run(["sh", "-c", script]), !listing.isEmpty else {
            throw XCTSkip("objdump is not available")
        }
        var avx: [String] = []
        var avx512: Set<String> = []
        var vnni: Set<String> = []
        for line in listing.split(separator: "\n") {
            let fields = line.split(separator: " ")
            avx.append(String(fields[0]))
            if fields[1] == "1" { avx512.insert(String(fields[0])) }
            if fields[2] == "1" { vnni.insert(String(fields[0])) }
        }
        XCTAssertFalse(vnni.isEmpty, "the VNNI kernel should be in the binary")
        XCTAssertFalse(avx.isEmpty, "the AVX kernels should be in the binary")
        guard let demangled = try run(["swift-demangle"], input: Data(avx.joined(separator: "\n").utf8)) else {
            throw XCTSkip("swift-demangle is not available")
        }
        let names = demangled.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(names.count, avx.count + 1)
        for (symbol, name) in zip(avx, names) {
            // The test bundle's own test classes are never shipped (under -sanitize=address the compiler
            // may use AVX in them); the property concerns the modules the executable links.
            if let module = name.split(separator: ".").first, module.hasSuffix("Tests") { continue }
            let avx2 = name.contains("KernelsAVX2.") || name.contains("KernelsAVXVNNI.")
            let avx512Module = name.contains("KernelsAVX512.")
            let vnniModule = name.contains("KernelsAVX512VNNI.") || name.contains("KernelsAVXVNNI.")
            XCTAssertTrue(avx2 || avx512Module || vnniModule, "AVX instructions outside the flagged kernel modules: \(name)")
            if avx2 { XCTAssertFalse(avx512.contains(symbol), "AVX-512 instructions in an AVX2 module: \(name)") }
            if !vnniModule { XCTAssertFalse(vnni.contains(symbol), "VNNI instructions outside the VNNI module: \(name)") }
        }
        #else
        throw XCTSkip("x86-64 only")
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// How many CPUs this process may really use: the CPUs of its affinity mask (`taskset`, Slurm's
/// `--cpus-per-task` binding), capped by its cgroup's CPU quota (`docker --cpus`, Kubernetes limits,
/// Slurm's cgroup confinement), never less than 1. The default thread count of every command.
public enum CPUBudget {
    /// `min(affinity CPUs, ⌈cgroup quota / period⌉)`, each when known; the online CPUs otherwise.
    public static func available() -> Int {
        var count = affinityCount() ?? max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        if let quota = cgroupQuota() { count = min(count, quota) }
        return max(1, count)
    }

    /// CPUs in this process's affinity mask: the `Cpus_allowed_list` of /proc/self/status (`0-3,8,10-11`;
    /// Swift's Glibc does not export `sched_getaffinity`), or nil when it cannot be read.
    static func affinityCount() -> Int? {
        guard let text = readSmall("/proc/self/status", limit: 1 << 16) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("Cpus_allowed_list:") {
            return cpuListCount(String(line.dropFirst("Cpus_allowed_list:".count).filter { $0 != " " && $0 != "\t" }))
        }
        return nil
    }

    /// The number of CPUs in a kernel CPU list (`0-3,8,10-11` → 7); nil when malformed or empty.
    static func cpuListCount(_ list: String) -> Int? {
        var total = 0
        for part in list.split(separator: ",") {
            let ends = part.split(separator: "-", omittingEmptySubsequences: false)
            guard let first = Int(ends[0]) else { return nil }
            if ends.count == 1 {
                total += 1
            } else if ends.count == 2, let last = Int(ends[1]), last >= first {
                total += last - first + 1
            } else {
                return nil
            }
        }
        return total > 0 ? total : nil
    }

    /// The CPU quota of this process's cgroup, in whole CPUs rounded up: cgroup v2 `cpu.max`
    /// (`QUOTA PERIOD`, or `max` for none) or v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us`; nil when there
    /// is no quota or it cannot be read.
    static func cgroupQuota() -> Int? {
        let path = cgroupPath()
        for dir in ["/sys/fs/cgroup" + path, "/sys/fs/cgroup"] {
            if let text = readSmall(dir + "/cpu.max") {
                let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" })
                if fields.count >= 2, let quota = Int(fields[0]), let period = Int(fields[1]), quota > 0, period > 0 {
                    return (quota + period - 1) / period
                }
                return nil
            }
        }
        if let quota = readSmall("/sys/fs/cgroup/cpu/cpu.cfs_quota_us").flatMap({ Int($0.filter { $0 != "\n" }) }),
           let period = readSmall("/sys/fs/cgroup/cpu/cpu.cfs_period_us").flatMap({ Int($0.filter { $0 != "\n" }) }),
           quota > 0, period > 0 {
            return (quota + period - 1) / period
        }
        return nil
    }

    /// The cgroup v2 path of this process (`0::/PATH` in /proc/self/cgroup), "" when unknown.
    private static func cgroupPath() -> String {
        guard let text = readSmall("/proc/self/cgroup") else { return "" }
        for line in text.split(separator: "\n") where line.hasPrefix("0::") {
            let path = String(line.dropFirst(3))
            return path == "/" ? "" : path
        }
        return ""
    }

    /// A small text file read whole (at most `limit` bytes), or nil.
    private static func readSmall(_ path: String, limit: Int = 4096) -> String? {
        guard let bytes = try? WholeFile.read(path, limit: limit, refuseDevices: true) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}

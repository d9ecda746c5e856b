using System.Runtime.InteropServices;

namespace Mercato.Platform.Persistence;

/// <summary>
/// The one native SQLite call SQLitePCLRaw does not wrap: <c>sqlite3_busy_handler</c>, so that a
/// busy file is waited for in short steps and every wait is counted and logged (Microsoft.Data.Sqlite
/// would otherwise sleep 150 ms per retry, unseen). It binds to the <c>e_sqlite3</c> library that
/// Microsoft.Data.Sqlite already loaded.
/// </summary>
internal static class SqliteNativeMethods
{
    /// <summary>SQLite's busy callback: answers nonzero to try again, zero to give up with SQLITE_BUSY.</summary>
    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    internal delegate int BusyCallback(IntPtr state, int count);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler", CallingConvention = CallingConvention.Cdecl)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    internal static extern int SetBusyHandler(IntPtr database, BusyCallback callback, IntPtr state);
}

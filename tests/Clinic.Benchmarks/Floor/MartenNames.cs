using Clinic.Benchmarks.Ledger;

namespace Clinic.Benchmarks.Floor;

/// <summary>The names Marten writes beside a ledger's events, which the floor writes too.</summary>
internal static class MartenNames
{
    /// <summary>mt_streams.type of a stream started as <c>StartStream&lt;LedgerBalance&gt;</c>.</summary>
    public const string StreamType = "ledger_balance";

    /// <summary>mt_events.mt_dotnet_type (a document's is the type's full name alone).</summary>
    public static string DotNetType(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}

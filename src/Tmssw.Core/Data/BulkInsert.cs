using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tmssw.Core.Data;

/// <summary>
/// Multi-row INSERT statements for rows nobody reads back in the same unit of work (history steps,
/// audit entries of an import): one statement per few hundred rows instead of one per row. Table,
/// columns and value conversions (enums as text, instants as ticks on SQLite) come from the EF model,
/// so the rows are stored exactly as SaveChanges would store them; it runs in the context's current
/// transaction. Generated keys are left to the database and not read back.
/// </summary>
internal static class BulkInsert
{
    private const int ParametersPerStatement = 4000;

    public static async Task InsertAsync<T>(TmsswDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var schema = entity.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var properties = entity.GetProperties()
            .Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter(), Column: p.GetColumnName(store)!))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Column)))}) VALUES ";
        var perStatement = Math.Max(1, ParametersPerStatement / properties.Count);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = transaction;
            var text = new StringBuilder(head);
            var n = 0;
            for (var i = start; i < Math.Min(rows.Count, start + perStatement); i++)
            {
                text.Append(i == start ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var (property, mapping, getter, _) = properties[c];
                    var name = "@b" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    n++;
                    command.Parameters.Add(mapping.CreateParameter(command, name, getter.GetClrValue(rows[i]), property.IsNullable));
                    text.Append(c == 0 ? name : ", " + name);
                }

                text.Append(')');
            }

            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}

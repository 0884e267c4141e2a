using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Tmssw.Core.Data;

/// <summary>
/// Inserts for rows an import writes by the thousand (participants, their history steps and audit
/// entries), outside the change tracker. Table, columns and value conversions (enums as text, instants
/// as ticks on SQLite, code lists as JSON or arrays) come from the EF model, so the rows are stored
/// exactly as SaveChanges would store them; it runs in the context's current transaction.
/// </summary>
/// <remarks>
/// The fastest way differs per provider. SQLite runs in-process, so there is no round trip to save: one
/// prepared single-row INSERT executed once per row costs least (a multi-row statement is parsed again
/// for every batch, and SQLite finds each named parameter by a linear scan, so a statement of thousands
/// of parameters costs quadratic time). PostgreSQL pays a round trip per statement, so it gets
/// multi-row statements of up to 8,000 parameters, sent through EF's raw-SQL path.
/// </remarks>
internal static class BulkInsert
{
    /// <summary>
    /// Inserts the rows. Generated keys are left to the database and not read back, unless
    /// <paramref name="withKeys"/> says the rows carry keys from <see cref="AllocateKeysAsync{T}"/>.
    /// </summary>
    public static async Task InsertAsync<T>(TmsswDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken, bool withKeys = false)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entity = EntityOf<T>(db);
        var table = entity.GetTableName()!;
        var schema = entity.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var properties = entity.GetProperties()
            .Where(p => withKeys || !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never))
            .Select(p => (Property: p, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(), Getter: p.GetGetter(), Column: p.GetColumnName(store)!))
            .ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table, schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.Column)))}) VALUES ";
        var perStatement = Math.Max(1, 8000 / properties.Count);
        if (db.Database.IsSqlite())
        {
            await InsertOneByOneAsync(db, rows, head, properties.Select(p => (p.Property, p.Mapping, p.Getter)).ToList(), cancellationToken);
            return;
        }

        // The statements go through EF's own raw-SQL path (the context's transaction, logging and
        // interceptors apply); a command of the connection only makes the provider's parameters.
        await using var factory = (await OpenAsync(db, cancellationToken)).CreateCommand();
        for (var start = 0; start < rows.Count; start += perStatement)
        {
            var parameters = new List<DbParameter>(perStatement * properties.Count);
            var text = new StringBuilder(head);
            for (var i = start; i < Math.Min(rows.Count, start + perStatement); i++)
            {
                text.Append(i == start ? "(" : ", (");
                for (var c = 0; c < properties.Count; c++)
                {
                    var (property, mapping, getter, _) = properties[c];
                    var name = "@b" + parameters.Count.ToString(CultureInfo.InvariantCulture);
                    parameters.Add(mapping.CreateParameter(factory, name, getter.GetClrValue(rows[i]), property.IsNullable));
                    text.Append(c == 0 ? name : ", " + name);
                }

                text.Append(')');
            }

            await db.Database.ExecuteSqlRawAsync(text.ToString(), parameters, cancellationToken);
        }
    }

    private static async Task InsertOneByOneAsync<T>(TmsswDbContext db, IReadOnlyList<T> rows, string head, List<(IProperty Property, RelationalTypeMapping Mapping, IClrPropertyGetter Getter)> properties, CancellationToken cancellationToken)
        where T : class
    {
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = head + "(" + string.Join(", ", properties.Select((_, i) => "@b" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var c = 0; c < properties.Count; c++)
            {
                var (property, mapping, getter) = properties[c];
                command.Parameters.Add(mapping.CreateParameter(command, "@b" + c.ToString(CultureInfo.InvariantCulture), getter.GetClrValue(row), property.IsNullable));
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Reserves <paramref name="count"/> new keys of <typeparamref name="T"/>'s integer
    /// identity, for rows that <see cref="InsertAsync{T}"/> then writes with their keys (their history and
    /// audit rows need them). On PostgreSQL the keys come from the column's own sequence, so concurrent
    /// writers never get the same one. On SQLite the caller's transaction holds the database's single write
    /// lock (Microsoft.Data.Sqlite begins transactions IMMEDIATE), so the keys after the highest ever
    /// given (the AUTOINCREMENT sequence) are free until it commits; were they not, the insert would fail
    /// on the primary key and roll back, never overwrite.
    /// </summary>
    public static async Task<int[]> AllocateKeysAsync<T>(TmsswDbContext db, int count, CancellationToken cancellationToken)
        where T : class
    {
        var keys = new int[count];
        if (count == 0)
        {
            return keys;
        }

        var entity = EntityOf<T>(db);
        var table = entity.GetTableName()!;
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var column = key.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = await OpenAsync(db, cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        if (db.Database.IsSqlite())
        {
            command.CommandText =
                $"SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = '{table}'), 0), COALESCE((SELECT MAX({sql.DelimitIdentifier(column)}) FROM {sql.DelimitIdentifier(table)}), 0))";
            var highest = Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                keys[i] = highest + 1 + i;
            }

            return keys;
        }

        var qualified = sql.DelimitIdentifier(table, entity.GetSchema());
        command.CommandText = $"SELECT nextval(pg_get_serial_sequence('{qualified.Replace("'", "''", StringComparison.Ordinal)}', '{column}')) FROM generate_series(1, {count.ToString(CultureInfo.InvariantCulture)})";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var k = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[k++] = Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture);
        }

        return keys;
    }

    private static IEntityType EntityOf<T>(TmsswDbContext db) =>
        db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");

    private static async Task<DbConnection> OpenAsync(TmsswDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }

        return connection;
    }
}

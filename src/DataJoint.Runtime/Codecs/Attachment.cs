using System.Text;

namespace DataJoint;

/// <summary>
/// A file kept by an <c>&lt;attach&gt;</c> or <c>&lt;attach@store&gt;</c> attribute: its name (without folders) and its
/// content. Insert one, or a file path (<see cref="string"/> or <see cref="FileInfo"/>), which is read as
/// <see cref="FromFile(string)"/> reads it; fetched rows hold one. <see cref="SaveTo(string)"/> writes it out as DataJoint downloads
/// attachments.
/// </summary>
public sealed class Attachment : IEquatable<Attachment>
{
    /// <summary>An attachment named <paramref name="name"/> holding <paramref name="content"/>.</summary>
    /// <exception cref="ArgumentException">The name is empty, holds a folder separator or a NUL character.</exception>
    public Attachment(string name, byte[] content)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(content);
        if (name.IndexOfAny(['/', '\\', '\0']) >= 0 || name is "." or "..")
        {
            throw new ArgumentException($"An attachment name is a file name without folders; \"{name}\" is not.", nameof(name));
        }

        Name = name;
        Content = content;
    }

    /// <summary>The file name, as it was when attached.</summary>
    public string Name { get; }

    /// <summary>The file's bytes.</summary>
    public byte[] Content { get; }

    /// <summary>Reads the file at <paramref name="path"/>; the attachment takes its file name.</summary>
    /// <exception cref="FileNotFoundException">No file is there (a folder is refused too: attachments are single files).</exception>
    public static Attachment FromFile(string path) => SyncOrAsync.Wait(FromFile(path, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="FromFile(string)"/>.</summary>
    public static async Task<Attachment> FromFileAsync(string path, CancellationToken cancellationToken = default) =>
        await FromFile(path, sync: false, cancellationToken).ConfigureAwait(false);

    private static async ValueTask<Attachment> FromFile(string path, bool sync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"<attach> does not support folders: {path} is a folder; attach a single file.", path);
        }

        if (!File.Exists(path)) throw new FileNotFoundException($"Attachment file not found: {path}", path);
        var content = sync ? File.ReadAllBytes(path) : await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return new Attachment(Path.GetFileName(path), content);
    }

    /// <summary>
    /// Writes the file into <paramref name="folder"/> (created if missing) as DataJoint does: under its name, or, when a
    /// different file of that name is there, under the first free <c>name_1.ext</c>, <c>name_2.ext</c>, …; a file with the
    /// same content is reused rather than written again.
    /// </summary>
    /// <returns>The path of the file.</returns>
    public string SaveTo(string folder) => SyncOrAsync.Wait(SaveTo(folder, sync: true, CancellationToken.None));

    /// <summary>Asynchronous <see cref="SaveTo(string)"/>.</summary>
    public async Task<string> SaveToAsync(string folder, CancellationToken cancellationToken = default) =>
        await SaveTo(folder, sync: false, cancellationToken).ConfigureAwait(false);

    private async ValueTask<string> SaveTo(string folder, bool sync, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        var stem = Path.GetFileNameWithoutExtension(Name);
        var extension = Path.GetExtension(Name);
        var path = Path.Combine(folder, Name);
        for (var counter = 1; File.Exists(path); counter++)
        {
            var existing = sync ? File.ReadAllBytes(path) : await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            if (existing.AsSpan().SequenceEqual(Content)) return path;
            path = Path.Combine(folder, $"{stem}_{counter}{extension}");
        }

        if (sync) File.WriteAllBytes(path, Content);
        else await File.WriteAllBytesAsync(path, Content, cancellationToken).ConfigureAwait(false);
        return path;
    }

    /// <summary>DataJoint's stored form: the UTF-8 file name, a NUL byte, the content.</summary>
    internal byte[] Encode()
    {
        var name = Encoding.UTF8.GetBytes(Name);
        var encoded = new byte[name.Length + 1 + Content.Length];
        name.CopyTo(encoded, 0);
        Content.CopyTo(encoded, name.Length + 1);
        return encoded;
    }

    /// <summary>Reads DataJoint's stored form; <paramref name="where"/> says what held it, for the error.</summary>
    /// <exception cref="DataJointException">The bytes have no NUL separating a name from the content.</exception>
    internal static Attachment Decode(byte[] stored, string where)
    {
        var separator = Array.IndexOf(stored, (byte)0);
        if (separator <= 0)
        {
            throw new DataJointException($"The attachment in {where} is not an attachment: it has no file name followed by a NUL byte.");
        }

        return new Attachment(Encoding.UTF8.GetString(stored, 0, separator), stored[(separator + 1)..]);
    }

    /// <inheritdoc />
    public bool Equals(Attachment? other) =>
        other is not null && Name == other.Name && Content.AsSpan().SequenceEqual(other.Content);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Attachment);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Content.Length);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Content.Length} bytes)";
}

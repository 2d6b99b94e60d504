// MSBuild task: makes TorchSharp's native shim loadable on systems whose libstdc++ predates GCC 13.
//
// libLibTorchSharp.so (TorchSharp 0.107.0) records a need for GLIBCXX_3.4.32. The only symbol bound to that
// version is std::ios_base_library_init(), a marker that nothing calls. Debian 12 / Ubuntu 22.04 ship
// libstdc++ up to GLIBCXX_3.4.30, so the dynamic loader refuses the library and TorchSharp reports a misleading
// "doesn't contain a reference to libtorch" error. This task marks the missing version need as weak
// (VER_FLG_WEAK in .gnu.version_r) and makes the marker symbol unversioned (index 1 in .gnu.version), which the
// loader accepts. It patches only versions the system library lacks, only when every symbol bound to them is
// a known marker, writes atomically, and is idempotent. See environment.md.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class PatchTorchSharpNative : Task
{
    const uint ShtDynsym = 11, ShtVerneed = 0x6ffffffe, ShtVersym = 0x6fffffff;
    const ushort VerFlagWeak = 0x2;
    static readonly HashSet<string> HarmlessMarkers = new() { "_ZSt21ios_base_library_initv" };
    static readonly string[] LibStdCxxCandidates =
    {
        "/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/aarch64-linux-gnu/libstdc++.so.6", "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6", "/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6",
    };

    [Required] public string PackageRoot { get; set; } = "";

    public override bool Execute()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return true;
        string? system = LibStdCxxCandidates.FirstOrDefault(File.Exists);
        if (system is null) return true;
        byte[] systemBytes = File.ReadAllBytes(system);
        string torchSharpDir = Path.Combine(PackageRoot, "torchsharp");
        if (!Directory.Exists(torchSharpDir)) return true;
        foreach (string shim in Directory.EnumerateFiles(torchSharpDir, "libLibTorchSharp.so", SearchOption.AllDirectories))
        {
            try { PatchOne(shim, systemBytes, system); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Log.LogWarning($"Could not apply the libstdc++ compatibility fix to {shim}: {e.Message}. " +
                               "TorchSharp may fail to load; see environment.md.");
            }
        }
        return !Log.HasLoggedErrors;
    }

    void PatchOne(string path, byte[] systemLib, string systemPath)
    {
        byte[] elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[4] != 2 || elf[5] != 1)
            return; // not a little-endian ELF64 file: nothing we know how to patch
        var sections = ReadSections(elf);
        var verneed = sections.FirstOrDefault(s => s.Type == ShtVerneed);
        var versym = sections.FirstOrDefault(s => s.Type == ShtVersym);
        var dynsym = sections.FirstOrDefault(s => s.Type == ShtDynsym);
        if (verneed is null || versym is null || dynsym is null) return;
        var dynstr = sections[(int)verneed.Link];

        var patchedVersions = new List<string>();
        bool changed = false;
        long needOffset = (long)verneed.Offset;
        for (uint i = 0; i < verneed.Info; i++)
        {
            string file = ReadString(elf, dynstr, U32(elf, needOffset + 4));
            long auxOffset = needOffset + U32(elf, needOffset + 8);
            for (int a = 0; a < U16(elf, needOffset + 2); a++)
            {
                string version = ReadString(elf, dynstr, U32(elf, auxOffset + 8));
                ushort flags = U16(elf, auxOffset + 4);
                ushort index = U16(elf, auxOffset + 6);
                if (file.StartsWith("libstdc++", StringComparison.Ordinal) && !Contains(systemLib, version))
                {
                    var bound = SymbolsWithVersion(elf, dynsym, versym, dynstr, index);
                    if (bound.Any(s => !HarmlessMarkers.Contains(s)))
                    {
                        Log.LogWarning($"{path} needs {version}, which {systemPath} lacks, for symbols other than a " +
                                       $"known marker ({string.Join(", ", bound)}); not patched. Install a newer libstdc++.");
                    }
                    else
                    {
                        if ((flags & VerFlagWeak) == 0) { W16(elf, auxOffset + 4, (ushort)(flags | VerFlagWeak)); changed = true; }
                        changed |= UnversionSymbols(elf, versym, index);
                        patchedVersions.Add(version);
                    }
                }
                auxOffset += U32(elf, auxOffset + 12);
            }
            needOffset += U32(elf, needOffset + 12);
        }
        if (!changed) return;
        string temp = path + ".patching";
        File.WriteAllBytes(temp, elf);
        File.Replace(temp, path, null); // rename over the original: readers never see a half-written file
        Log.LogMessage(MessageImportance.High,
            $"doc2hash: applied the libstdc++ compatibility fix ({string.Join(", ", patchedVersions)} marked weak; {systemPath} lacks it) to {path}");
    }

    static List<string> SymbolsWithVersion(byte[] elf, Section dynsym, Section versym, Section dynstr, ushort index)
    {
        var names = new List<string>();
        int count = (int)(dynsym.Size / 24);
        for (int s = 0; s < count; s++)
            if ((U16(elf, (long)versym.Offset + 2 * s) & 0x7fff) == index)
                names.Add(ReadString(elf, dynstr, U32(elf, (long)dynsym.Offset + 24L * s)));
        return names;
    }

    static bool UnversionSymbols(byte[] elf, Section versym, ushort index)
    {
        bool changed = false;
        int count = (int)(versym.Size / 2);
        for (int s = 0; s < count; s++)
        {
            long at = (long)versym.Offset + 2 * s;
            if ((U16(elf, at) & 0x7fff) == index) { W16(elf, at, 1); changed = true; }
        }
        return changed;
    }

    sealed class Section
    {
        public Section(uint type, ulong offset, ulong size, uint link, uint info)
        { Type = type; Offset = offset; Size = size; Link = link; Info = info; }
        public uint Type { get; }
        public ulong Offset { get; }
        public ulong Size { get; }
        public uint Link { get; }
        public uint Info { get; }
    }

    static List<Section> ReadSections(byte[] elf)
    {
        ulong shoff = BitConverter.ToUInt64(elf, 0x28);
        int entSize = U16(elf, 0x3A), count = U16(elf, 0x3C);
        if (shoff == 0 || (long)shoff + (long)entSize * count > elf.Length) throw new InvalidDataException("section table out of range");
        var list = new List<Section>(count);
        for (int i = 0; i < count; i++)
        {
            long h = (long)shoff + (long)i * entSize;
            list.Add(new Section(U32(elf, h + 4), BitConverter.ToUInt64(elf, (int)h + 24), BitConverter.ToUInt64(elf, (int)h + 32),
                                 U32(elf, h + 40), U32(elf, h + 44)));
        }
        return list;
    }

    static string ReadString(byte[] elf, Section strtab, uint offset)
    {
        int start = (int)((long)strtab.Offset + offset), end = start;
        while (end < elf.Length && elf[end] != 0) end++;
        return Encoding.ASCII.GetString(elf, start, end - start);
    }

    static bool Contains(byte[] haystack, string version)
    {
        byte[] needle = Encoding.ASCII.GetBytes(version + "\0");
        for (int i = 0; i + needle.Length <= haystack.Length; i++)
        {
            int j = 0;
            while (j < needle.Length && haystack[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    static ushort U16(byte[] b, long at) => BitConverter.ToUInt16(b, (int)at);
    static uint U32(byte[] b, long at) => BitConverter.ToUInt32(b, (int)at);
    static void W16(byte[] b, long at, ushort v) => BitConverter.GetBytes(v).CopyTo(b, (int)at);
}

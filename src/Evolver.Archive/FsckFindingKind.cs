namespace Evolver.Archive;

/// <summary>What <see cref="AgentArchive.Fsck"/> found wrong.</summary>
public enum FsckFindingKind
{
    /// <summary>A <c>.lock</c> file left by a writer that died while updating a ref. Repaired by deleting it.</summary>
    StaleLockFile,

    /// <summary>A note on a commit no variant ref points to: a variant whose writer died before its ref. Repaired by removing the note.</summary>
    OrphanNote,

    /// <summary>A logs ref of no variant, or of a variant whose note points elsewhere. Repaired by deleting the ref.</summary>
    OrphanLogsRef,

    /// <summary>A variant's note points to a logs commit that has no logs ref. Repaired by creating the ref.</summary>
    MissingLogsRef,

    /// <summary>A variant has no index row. Repaired by rewriting the index.</summary>
    IndexMissingRow,

    /// <summary>The index has a row for no variant. Repaired by rewriting the index.</summary>
    IndexExtraRow,

    /// <summary>An index row disagrees with git. Repaired by rewriting the index.</summary>
    IndexStaleRow,

    /// <summary>The index does not record the current notes commit as seen. Repaired by rewriting the index.</summary>
    IndexOutOfDate,

    /// <summary>A variant ref whose name is not a valid id, or that does not point to a commit. Not repaired.</summary>
    InvalidRef,

    /// <summary>A variant's commit or tree is missing from the object database. Not repaired.</summary>
    MissingObject,

    /// <summary>A variant's parent commit is not a variant. Not repaired.</summary>
    ForeignCommit,

    /// <summary>A variant has no note. Not repaired: the evaluation record is lost.</summary>
    MissingNote,

    /// <summary>A variant's note is not a valid evaluation record, or names another variant. Not repaired.</summary>
    CorruptNote,
}

#pragma once

#include "core/Result.h"
#include "engine/crypto/AgeHeader.h"

#include <QByteArray>
#include <QByteArrayView>

namespace lifeboat {

// Incremental, strict parser of an age v1 header, fed with the first bytes of a file in pieces of any
// size. Only canonical headers are accepted (exact version line, LF line endings, "-> " stanzas with
// printable arguments, 64-column canonical base64 bodies ending with a short line, "--- " + 32-byte
// MAC), so the raw bytes it keeps for the MAC are exactly the canonical encoding. Errors have the
// code "age.header". Memory is bounded by age::MaxHeaderSize.
class AgeHeaderParser
{
public:
    enum class Progress
    {
        NeedMore,
        Complete,
        Failed
    };

    // Takes bytes from `data` up to the end of the header; `*consumed` says how many were taken, so
    // the caller hands the rest to the payload.
    Progress feed(const char *data, qint64 size, qint64 *consumed);

    // After Complete.
    const AgeHeader &header() const { return m_header; }
    // After Failed.
    const Error &error() const { return m_error; }
    // The input ended before the header was complete: what is wrong with the file.
    Error endOfInputError() const;

private:
    enum class State
    {
        Version,
        StanzaOrEnd,
        Body,
        Complete,
        Failed
    };

    Progress processLine(QByteArrayView line);
    Progress processVersionLine(QByteArrayView line);
    Progress processStanzaLine(QByteArrayView line);
    Progress processClosingLine(QByteArrayView line);
    Progress processBodyLine(QByteArrayView line);
    Progress fail(const QString &what);
    Progress failAtLine(const QString &what);

    State m_state = State::Version;
    QByteArray m_buffer;
    qsizetype m_lineStart = 0;
    int m_lineNumber = 0;
    AgeStanza m_stanza;
    AgeHeader m_header;
    Error m_error;
};

} // namespace lifeboat

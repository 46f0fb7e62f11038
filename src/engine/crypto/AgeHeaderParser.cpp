#include "engine/crypto/AgeHeaderParser.h"

#include "engine/crypto/AgeBase64.h"
#include "engine/crypto/AgeFormat.h"

#include <cstring>

namespace lifeboat {

namespace {

constexpr qsizetype BodyColumns = 64;
constexpr qsizetype BodyBytesPerLine = 48;
// Longer than any version line we could recognise: decide on it without waiting for a newline.
constexpr qsizetype VersionLineLookahead = 64;
constexpr char ArmorBegin[] = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr char VersionPrefix[] = "age-encryption.org/";

// Printable ASCII only, shortened: safe to put in a message about untrusted input.
QString sanitised(QByteArrayView text, qsizetype limit = 40)
{
    QString out;
    for (const char c : text.first(qMin(text.size(), limit)))
        out += (c >= 0x20 && c <= 0x7e) ? QLatin1Char(c) : QLatin1Char('?');
    if (text.size() > limit)
        out += QStringLiteral("...");
    return out;
}

QString describeBadVersionLine(QByteArrayView line)
{
    const QByteArrayView version(age::VersionLine);
    if (line.size() == version.size() + 1 && line.startsWith(version) && line.endsWith('\r'))
        return QStringLiteral(
            "The age header uses CRLF line endings; age files use LF line endings only, so the "
            "file was altered (for example by a text-mode transfer).");
    if (line.trimmed().startsWith(QByteArrayView(ArmorBegin)))
        return QStringLiteral(
            "The file is an ASCII-armored (PEM) age file, which Lifeboat does not read; decrypt "
            "it with the age command-line tool instead.");
    if (line.startsWith(QByteArrayView(VersionPrefix)))
        return QStringLiteral("The file uses an unsupported age format version ('%1'); only "
                              "age-encryption.org/v1 is supported.")
            .arg(sanitised(line));
    return QStringLiteral("The file is not an age-encrypted file (it does not start with the line "
                          "'age-encryption.org/v1').");
}

} // namespace

AgeHeaderParser::Progress AgeHeaderParser::feed(const char *data, qint64 size, qint64 *consumed)
{
    *consumed = 0;
    if (m_state == State::Complete)
        return Progress::Complete;
    if (m_state == State::Failed)
        return Progress::Failed;

    qint64 used = 0;
    while (used < size) {
        const char *start = data + used;
        const auto *newline = static_cast<const char *>(std::memchr(start, '\n', size_t(size - used)));
        const qint64 take = newline ? (newline - start) + 1 : size - used;
        if (m_buffer.size() + take > age::MaxHeaderSize) {
            *consumed = used;
            return fail(QStringLiteral("The age header is larger than 1 MiB, so this is not a file Lifeboat "
                                       "can decrypt (it is corrupt or not an age file)."));
        }
        m_buffer.append(start, take);
        used += take;
        *consumed = used;
        if (!newline) {
            // Recognise a non-age file early instead of buffering it while waiting for a newline.
            if (m_state == State::Version && m_buffer.size() - m_lineStart >= VersionLineLookahead)
                return processVersionLine(QByteArrayView(m_buffer).sliced(m_lineStart));
            break;
        }
        const QByteArrayView line =
            QByteArrayView(m_buffer).sliced(m_lineStart, m_buffer.size() - m_lineStart - 1);
        ++m_lineNumber;
        const Progress progress = processLine(line);
        m_lineStart = m_buffer.size();
        if (progress != Progress::NeedMore)
            return progress;
    }
    return Progress::NeedMore;
}

Error AgeHeaderParser::endOfInputError() const
{
    if (m_state == State::Failed)
        return m_error;
    if (m_buffer.isEmpty())
        return makeError(QStringLiteral("age.header"),
                         QStringLiteral("The file is empty: it is not an age-encrypted file."));
    if (m_state == State::Version) {
        const QByteArrayView partial = QByteArrayView(m_buffer).sliced(m_lineStart);
        if (!QByteArrayView(age::VersionLine).startsWith(partial))
            return makeError(QStringLiteral("age.header"), describeBadVersionLine(partial));
    }
    return makeError(QStringLiteral("age.header"),
                     QStringLiteral("The file ends inside the age header (after %1 bytes): it was truncated.")
                         .arg(m_buffer.size()));
}

AgeHeaderParser::Progress AgeHeaderParser::processLine(QByteArrayView line)
{
    if (m_state == State::Version)
        return processVersionLine(line);
    if (line.contains('\r'))
        return failAtLine(
            QStringLiteral("it contains a carriage return (CR); age headers use LF line endings only"));
    if (m_state == State::Body)
        return processBodyLine(line);
    if (line.startsWith("---"))
        return processClosingLine(line);
    return processStanzaLine(line);
}

AgeHeaderParser::Progress AgeHeaderParser::processVersionLine(QByteArrayView line)
{
    if (line != QByteArrayView(age::VersionLine))
        return fail(describeBadVersionLine(line));
    m_state = State::StanzaOrEnd;
    return Progress::NeedMore;
}

AgeHeaderParser::Progress AgeHeaderParser::processStanzaLine(QByteArrayView line)
{
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.first() != "->")
        return failAtLine(QStringLiteral("expected a recipient stanza starting with \"-> \" or the closing "
                                         "\"---\" line"));
    if (parts.size() < 2)
        return failAtLine(QStringLiteral("the recipient stanza has no type"));
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (!age::isValidArgument(parts.at(i)))
            return failAtLine(QStringLiteral("stanza argument %1 is empty or contains characters other than "
                                             "printable ASCII")
                                  .arg(i));
    }
    m_stanza = AgeStanza{parts.at(1), parts.mid(2), {}};
    m_state = State::Body;
    return Progress::NeedMore;
}

AgeHeaderParser::Progress AgeHeaderParser::processBodyLine(QByteArrayView line)
{
    if (line.size() > BodyColumns)
        return failAtLine(QStringLiteral("a stanza body line is longer than 64 columns"));
    const std::optional<QByteArray> bytes = AgeBase64::decode(line);
    if (!bytes)
        return failAtLine(QStringLiteral("a stanza body line is not canonical unpadded base64"));
    m_stanza.body += *bytes;
    if (bytes->size() < BodyBytesPerLine) {
        // A short (possibly empty) line ends the body.
        m_header.stanzas.append(std::move(m_stanza));
        m_stanza = AgeStanza();
        m_state = State::StanzaOrEnd;
    }
    return Progress::NeedMore;
}

AgeHeaderParser::Progress AgeHeaderParser::processClosingLine(QByteArrayView line)
{
    const QList<QByteArray> parts = line.toByteArray().split(' ');
    if (parts.size() != 2 || parts.first() != "---")
        return failAtLine(QStringLiteral("the closing line must be \"--- \" followed by the header MAC"));
    const std::optional<QByteArray> mac = AgeBase64::decode(parts.at(1));
    if (!mac || mac->size() != AgeHeader::MacSize)
        return failAtLine(QStringLiteral("the header MAC is not 32 bytes of canonical unpadded base64"));
    if (m_header.stanzas.isEmpty())
        return failAtLine(QStringLiteral("the header has no recipient stanzas"));
    for (const AgeStanza &stanza : std::as_const(m_header.stanzas)) {
        if (stanza.type == age::ScryptType && m_header.stanzas.size() > 1)
            return fail(
                QStringLiteral("The age header is malformed: a passphrase (scrypt) stanza must be the only "
                               "stanza, but the header has %1.")
                    .arg(m_header.stanzas.size()));
    }
    m_header.mac = *mac;
    m_header.macInput = m_buffer.left(m_lineStart + 3);
    m_header.size = m_buffer.size();
    m_buffer.clear();
    m_state = State::Complete;
    return Progress::Complete;
}

AgeHeaderParser::Progress AgeHeaderParser::fail(const QString &what)
{
    m_state = State::Failed;
    m_error = makeError(QStringLiteral("age.header"), what);
    m_buffer.clear();
    return Progress::Failed;
}

AgeHeaderParser::Progress AgeHeaderParser::failAtLine(const QString &what)
{
    return fail(QStringLiteral("The age header is malformed at line %1: %2.").arg(m_lineNumber).arg(what));
}

} // namespace lifeboat

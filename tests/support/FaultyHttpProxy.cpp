#include "support/FaultyHttpProxy.h"

#include <QMutexLocker>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace lifeboat::test {

namespace {

bool sendAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Reads a whole HTTP message head plus its Content-Length body; empty on EOF/error.
QByteArray readMessage(int fd)
{
    QByteArray data;
    char buf[65536];
    qsizetype headEnd = -1;
    qint64 contentLength = 0;
    for (;;) {
        if (headEnd < 0) {
            headEnd = data.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                const QList<QByteArray> lines = data.left(headEnd).split('\n');
                for (const QByteArray &l : lines) {
                    if (l.toLower().startsWith("content-length:"))
                        contentLength = l.mid(15).trimmed().toLongLong();
                }
            }
        }
        if (headEnd >= 0 && data.size() >= headEnd + 4 + contentLength)
            return data;
        const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0)
            return {};
        data.append(buf, n);
    }
}

// Forces "Connection: close" in a message head.
QByteArray withConnectionClose(const QByteArray &message)
{
    const qsizetype headEnd = message.indexOf("\r\n\r\n");
    QList<QByteArray> lines = message.left(headEnd).split('\n');
    QByteArray head;
    for (QByteArray l : lines) {
        if (l.endsWith('\r'))
            l.chop(1);
        if (l.toLower().startsWith("connection:"))
            continue;
        head += l + "\r\n";
    }
    head += "Connection: close\r\n\r\n";
    return head + message.mid(headEnd + 4);
}

} // namespace

FaultyHttpProxy::FaultyHttpProxy(int upstreamPort)
    : m_upstreamPort(upstreamPort)
{}

FaultyHttpProxy::~FaultyHttpProxy()
{
    m_stop = true;
    if (m_acceptThread.joinable())
        m_acceptThread.join();
    for (std::thread &t : m_workers)
        t.join();
    if (m_listenFd >= 0)
        ::close(m_listenFd);
}

bool FaultyHttpProxy::start()
{
    m_listenFd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(m_listenFd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(m_listenFd, 64) != 0)
        return false;
    socklen_t len = sizeof addr;
    ::getsockname(m_listenFd, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_acceptThread = std::thread([this] { acceptLoop(); });
    return true;
}

void FaultyHttpProxy::addFault(const QByteArray &needle, Fault fault, int times)
{
    QMutexLocker lock(&m_mutex);
    m_rules.append({needle, fault, times});
}

void FaultyHttpProxy::addHeadFault(const QByteArray &needle, Fault fault, int times)
{
    QMutexLocker lock(&m_mutex);
    m_rules.append({needle, fault, times, true});
}

void FaultyHttpProxy::clearFaults()
{
    QMutexLocker lock(&m_mutex);
    m_rules.clear();
}

QList<QByteArray> FaultyHttpProxy::requestLines() const
{
    QMutexLocker lock(&m_mutex);
    return m_lines;
}

QList<QByteArray> FaultyHttpProxy::requestHeads() const
{
    QMutexLocker lock(&m_mutex);
    return m_heads;
}

void FaultyHttpProxy::acceptLoop()
{
    while (!m_stop) {
        pollfd p{m_listenFd, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0)
            continue;
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        QMutexLocker lock(&m_mutex);
        m_workers.emplace_back([this, client] { handle(client); });
    }
}

void FaultyHttpProxy::handle(int client)
{
    const QByteArray request = readMessage(client);
    if (request.isEmpty()) {
        ::close(client);
        return;
    }
    const QByteArray line = request.left(request.indexOf("\r\n"));
    const QByteArray head = request.left(request.indexOf("\r\n\r\n"));
    bool faulted = false;
    Fault fault = Fault::InternalError500;
    {
        QMutexLocker lock(&m_mutex);
        m_lines.append(line);
        m_heads.append(head);
        for (Rule &r : m_rules) {
            if (r.remaining != 0 && (r.wholeHead ? head : line).contains(r.needle)) {
                if (r.remaining > 0)
                    --r.remaining;
                fault = r.fault;
                faulted = true;
                break;
            }
        }
    }
    if (faulted) {
        ++m_injected;
        if (fault == Fault::ResetConnection) {
            linger l{1, 0}; // close with RST
            ::setsockopt(client, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            ::close(client);
            return;
        }
        if (fault == Fault::Hang) {
            char buf[4096];
            while (!m_stop) {
                pollfd p{client, POLLIN, 0};
                if (::poll(&p, 1, 100) > 0 && ::recv(client, buf, sizeof buf, 0) <= 0)
                    break; // the client closed (or reset) the connection
            }
            ::close(client);
            return;
        }
        if (fault == Fault::BucketWithoutObjectLock) {
            const bool query = line.contains("?object-lock");
            const QByteArray body =
                query ? QByteArray(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
                            "ObjectLockConfigurationNotFoundError</Code><Message>Object Lock configuration "
                            "does not exist for this bucket</Message></Error>")
                      : QByteArray(
                            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InvalidRequest</Code>"
                            "<Message>Bucket is missing Object Lock Configuration</Message></Error>");
            sendAll(client, (query ? QByteArray("HTTP/1.1 404 Not Found\r\n")
                                   : QByteArray("HTTP/1.1 400 Bad Request\r\n")) +
                                "Content-Type: application/xml\r\nContent-Length: " +
                                QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            ::close(client);
            return;
        }
        if (fault == Fault::ClockSkewed403) {
            const QByteArray body =
                "<?xml version=\"1.0\" "
                "encoding=\"UTF-8\"?><Error><Code>RequestTimeTooSkewed</Code><Message>The "
                "difference between the request time and the current time is too "
                "large.</Message><RequestTime>"
                "2026-01-01T10:00:00Z</RequestTime><ServerTime>2026-01-01T10:20:00Z</ServerTime>"
                "<MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds></Error>";
            sendAll(client, "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nContent-Length: " +
                                QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
            ::close(client);
            return;
        }
        const bool slow = fault == Fault::SlowDown503;
        const QByteArray body =
            slow ? QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
                              "<Message>Please reduce your request rate.</Message></Error>")
                 : QByteArray("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>InternalError"
                              "</Code><Message>We encountered an internal error.</Message></Error>");
        sendAll(client, (slow ? QByteArray("HTTP/1.1 503 Slow Down\r\n")
                              : QByteArray("HTTP/1.1 500 Internal Server Error\r\n")) +
                            "Content-Type: application/xml\r\nContent-Length: " +
                            QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        ::close(client);
        return;
    }
    const int upstream = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(m_upstreamPort));
    if (::connect(upstream, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        !sendAll(upstream, withConnectionClose(request))) {
        ::close(upstream);
        ::close(client);
        return;
    }
    QByteArray response;
    char buf[65536];
    for (;;) {
        const ssize_t n = ::recv(upstream, buf, sizeof buf, 0);
        if (n <= 0)
            break;
        response.append(buf, n);
    }
    ::close(upstream);
    if (response.contains("\r\n\r\n"))
        sendAll(client, withConnectionClose(response));
    ::shutdown(client, SHUT_WR);
    ::close(client);
}

} // namespace lifeboat::test

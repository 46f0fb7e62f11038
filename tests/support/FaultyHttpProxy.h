#pragma once

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <atomic>
#include <thread>
#include <vector>

namespace lifeboat::test {

// A fault-injecting reverse HTTP proxy for tests, in front of a local S3 server: each request is read
// whole and, unless a fault rule matches its request line, forwarded (one request per connection) and
// the answer passed back. Rules answer 500 or 503 SlowDown, or reset the connection, a number of
// times. Plain POSIX sockets and its own threads, so it works while the test thread blocks.
class FaultyHttpProxy
{
public:
    enum class Fault
    {
        InternalError500,
        SlowDown503,
        ResetConnection,
        ClockSkewed403 // RequestTimeTooSkewed: the server's clock 1200 s ahead of the request's
    };

    explicit FaultyHttpProxy(int upstreamPort);
    ~FaultyHttpProxy();
    bool start();
    int port() const { return m_port; }

    // Requests whose request line ("PUT /bucket/key?partNumber=2&uploadId=… HTTP/1.1") contains
    // `needle` get `fault`, `times` times (-1 = always).
    void addFault(const QByteArray &needle, Fault fault, int times);
    void clearFaults();
    // Every request line seen, in order.
    QList<QByteArray> requestLines() const;
    int faultsInjected() const { return m_injected.load(); }

private:
    struct Rule
    {
        QByteArray needle;
        Fault fault;
        int remaining;
    };
    void acceptLoop();
    void handle(int client);

    int m_upstreamPort;
    int m_listenFd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_injected{0};
    std::thread m_acceptThread;
    mutable QMutex m_mutex;
    QList<Rule> m_rules;
    QList<QByteArray> m_lines;
    std::vector<std::thread> m_workers;
};

} // namespace lifeboat::test

#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace lifeboat {

// What went wrong, as one sentence a user can act on ("what is wrong and what to do").
// `code` is a stable machine-readable tag for tests and scripts (e.g. "pg.auth", "dest.full").
struct Error
{
    QString message;
    QString code;
};

inline Error makeError(QString code, QString message)
{
    return Error{std::move(message), std::move(code)};
}

// An `expected`-style result: a value or an Error, never an exception across layers.
template<typename T> class [[nodiscard]] Result
{
public:
    Result(const T &value)
        : m_data(std::in_place_index<0>, value)
    {}
    Result(T &&value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Error error)
        : m_data(std::in_place_index<1>, std::move(error))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const
    {
        Q_ASSERT(!ok());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, Error> m_data;
};

template<> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    // Only on failure: asking a success for its error is a bug (caught by Q_ASSERT in debug builds).
    const Error &error() const
    {
        Q_ASSERT(m_error.has_value());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace lifeboat

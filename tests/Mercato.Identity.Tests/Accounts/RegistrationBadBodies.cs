namespace Mercato.Identity.Tests.Accounts;

/// <summary>Registration bodies that must be refused with 400.</summary>
public static class RegistrationBadBodies
{
    /// <summary>A bad registration body (with <c>{email}</c> standing for a fresh address), the field it names and its code.</summary>
    public static TheoryData<string, string, string> All { get; } = new()
    {
        { """{"password":"Secure-Pass123"}""", "email", "REQUIRED_FIELD" },
        { """{"email":"","password":"Secure-Pass123"}""", "email", "REQUIRED_FIELD" },
        { """{"email":"not-an-email","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"a@b","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"x y@z.com","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"John Doe <{email}>","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"\"John\" <{email}>","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"<{email}>","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":" {email}","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"user@.example.com","password":"Secure-Pass123"}""", "email", "VALIDATION_ERROR" },
        { """{"email":"{email}"}""", "password", "REQUIRED_FIELD" },
        { """{"email":"{email}","password":""}""", "password", "REQUIRED_FIELD" },
        { """{"email":"{email}","password":"Sh0rt-p"}""", "password", "VALIDATION_ERROR" },
        { """{"email":"{email}","password":"abcdefghij"}""", "password", "VALIDATION_ERROR" },
        { """{"email":"{email}","password":"12345678"}""", "password", "VALIDATION_ERROR" },
        { """{"email":"{email}","password":"ABCDEFGHIJ"}""", "password", "VALIDATION_ERROR" },
        { $$"""{"email":"{email}","password":"Aa1{{new string('x', 126)}}"}""", "password", "VALIDATION_ERROR" },
        { """{"email":"{email}","password":"Secure-Pass123","confirmPassword":"Secure-Pass124"}""", "confirmPassword", "VALIDATION_ERROR" },
        { """{"email":"{email}","password":"Secure-Pass123","username":"ab"}""", "username", "VALIDATION_ERROR" },
        { """{"email":"{email}","password":"Secure-Pass123","username":"has space"}""", "username", "INVALID_FORMAT" },
        { """{"email":"{email}","password":"Secure-Pass123","username":"-dash-first"}""", "username", "INVALID_FORMAT" },
        { """{"email":"{email}","password":"Secure-Pass123","username":"at@sign.com"}""", "username", "INVALID_FORMAT" },
        { """{"email":"{email}","password":"Secure-Pass123","phoneNumber":"call me"}""", "phoneNumber", "INVALID_FORMAT" },
        { """{"email":"{email}","password":"Secure-Pass123","phoneNumber":"+12"}""", "phoneNumber", "INVALID_FORMAT" },
        { $$"""{"email":"{email}","password":"Secure-Pass123","firstName":"{{new string('f', 101)}}"}""", "firstName", "VALIDATION_ERROR" },
        { """{"email":42,"password":"Secure-Pass123"}""", "email", "INVALID_FORMAT" },
        { """{"email":"{email}","password":true}""", "password", "INVALID_FORMAT" },
        { """{"email":"{email}","password":"Secure-Pass123","username":["ada"]}""", "username", "INVALID_FORMAT" },
    };
}

"""Write the Persian catalogue src/dadkhah/web/locale/fa/LC_MESSAGES/messages.po from FA below.

The .po file is the committed source of truth for translators; this script is how the developers
of the workbench seeded it. Re-run after adding strings: python tools/make_po.py
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po

FA = {
    "Action": "کنش", "Active": "فعال", "Actor": "کاربر", "Acts": "اقدامات علیه فرد", "Add": "افزودن",
    "Add a user": "افزودن کاربر", "Audit log": "دفتر ثبت تغییرات", "Back to the start page": "بازگشت به صفحهٔ نخست",
    "Claims": "ادعاها", "Code from your authenticator app (if enabled)": "کد برنامهٔ احراز هویت (اگر فعال است)",
    "Dadkhah": "دادخواه", "Decided": "تصمیم‌گرفته", "Details": "جزئیات", "Disable": "غیرفعال کردن",
    "Error": "خطا", "Imported": "واردشده", "Kin": "خویشاوندان", "Latin script": "خط لاتین",
    "Linked to a person": "پیوندخورده به یک فرد", "List": "فهرست", "Lists": "فهرست‌ها", "Log in": "ورود",
    "Log out": "خروج", "Main": "اصلی", "Match probability": "احتمال تطابق",
    "Matching records not yet linked to a person": "سوابق منطبق که هنوز به فردی پیوند نخورده‌اند",
    "Name, in any script or spelling": "نام، به هر خط و هر املایی", "Newer": "جدیدتر", "Next": "بعدی",
    "No list records are linked to this person.": "هیچ سابقه‌ای از فهرست‌ها به این فرد پیوند نخورده است.",
    "No lists imported yet.": "هنوز فهرستی وارد نشده است.", "None recorded.": "چیزی ثبت نشده است.",
    "Nothing to review.": "موردی برای بازبینی نیست.", "Older": "قدیمی‌تر", "Password": "گذرواژه",
    "Password (at least 10 characters)": "گذرواژه (دست‌کم ۱۰ نویسه)", "Persian script": "خط فارسی",
    "Person": "فرد", "Persons found": "افراد یافته‌شده", "Previous": "قبلی", "Record": "سابقه",
    "Records": "سوابق", "Review": "بازبینی", "Review queue": "صف بازبینی", "Role": "نقش", "Save": "ذخیره",
    "Search": "جستجو", "Search persons": "جستجوی افراد", "Second factor": "عامل دوم", "Source": "منبع",
    "Target": "هدف", "Time": "زمان",
    "The form expired or did not come from this site. Please log in again.": "فرم منقضی شده یا از این سایت نیامده است. لطفاً دوباره وارد شوید.",
    "The hash chain is broken at entry": "زنجیرهٔ درهم‌سازی در این ردیف شکسته است:",
    "The hash chain is intact": "زنجیرهٔ درهم‌سازی سالم است",
    "Too many failed logins. Wait a few minutes and try again.": "تلاش‌های ناموفق بسیار. چند دقیقه صبر کنید و دوباره بکوشید.",
    "User name": "نام کاربری", "Users": "کاربران",
    "Wrong user name, password or code.": "نام کاربری، گذرواژه یا کد نادرست است.",
    "born": "زاده", "by": "توسط", "entries": "ردیف", "no": "خیر", "yes": "بله", "page": "صفحه",
    # record fields
    "Full name": "نام کامل", "Given name": "نام", "Surname": "نام خانوادگی", "Father's name": "نام پدر",
    "Sex": "جنسیت", "Birth date": "تاریخ تولد", "Birth place": "محل تولد", "City": "شهر",
    "Province": "استان", "Prison": "زندان", "Death date": "تاریخ مرگ", "Death place": "محل مرگ",
    "Affiliation": "وابستگی", "Notes": "یادداشت‌ها", "Source reference": "ارجاع منبع",
    "Subject": "موضوع", "Object": "مفعول", "Value": "مقدار", "Sources": "منابع", "Quote": "نقل قول",
    "Confidentiality": "محرمانگی", "public": "عمومی", "restricted": "محدود", "confidential": "محرمانه",
    "Add a claim": "افزودن ادعا", "What": "چه", "Show": "نمایش", "unknown": "نامعلوم", "Title": "عنوان",
    "Precision": "دقت", "Coordinates": "مختصات", "place": "مکان", "person": "فرد",
    "organization": "سازمان", "date": "تاریخ", "figure": "رقم",
    "full_name": "نام کامل", "given_name": "نام", "surname": "نام خانوادگی", "father_name": "نام پدر",
    "sex": "جنسیت", "birth_date": "تاریخ تولد", "birth_place": "محل تولد", "city": "شهر",
    "province": "استان", "prison": "زندان", "death_date": "تاریخ مرگ", "death_place": "محل مرگ",
    "affiliation": "وابستگی", "notes": "یادداشت‌ها", "source_ref": "ارجاع منبع",
    # roles
    "viewer": "بیننده", "reviewer": "بازبین", "investigator": "پژوهشگر", "admin": "مدیر",
    # error kinds
    "NotFound": "یافت نشد", "PermissionDenied": "دسترسی مجاز نیست", "InputError": "ورودی نادرست",
    "Conflict": "تعارض", "RateLimited": "تلاش بیش از حد", "MethodNotAllowed": "روش مجاز نیست",
    "EstimationError": "خطای برآورد", "LinkageError": "خطای پیوند سوابق", "HTTPError": "خطا",
    # review
    "Same person": "همان فرد", "Not the same": "فرد دیگری", "Skip": "رد شدن", "Undo": "بازگرداندن",
    "Same": "یکسان", "Differs": "متفاوت", "Agreement": "توافق", "Pair": "جفت", "Cluster": "خوشه",
    "Field": "فیلد", "Keyboard": "صفحه‌کلید", "Score": "امتیاز", "Last decision": "آخرین تصمیم",
    "Decision undone.": "تصمیم بازگردانده شد.", "Decision saved.": "تصمیم ذخیره شد.",
    # estimate
    "Estimate": "برآورد", "Estimates": "برآوردها", "Run an estimate": "اجرای برآورد", "Method": "روش",
    "Observed": "مشاهده‌شده", "Lower": "حد پایین", "Upper": "حد بالا", "Interval": "بازه",
    "Settings": "تنظیمات", "Inputs": "ورودی‌ها", "Strata": "لایه‌ها", "Stratify by": "لایه‌بندی بر پایهٔ",
    "Seed": "بذر تصادفی", "Run": "اجرا", "Posterior of the number killed": "توزیع پسین شمار کشته‌شدگان",
    "Method comparison": "مقایسهٔ روش‌ها", "No estimate has been run yet.": "هنوز برآوردی اجرا نشده است.",
    "Input hash": "درهم‌سازی ورودی", "Version": "نسخه", "Seconds": "ثانیه", "Model": "مدل",
    "none": "هیچ", "Stratum": "لایه",
    # accounts
    "Sites": "مکان‌ها", "Map": "نقشه", "Timeline": "گاه‌شمار", "Chain of command": "زنجیرهٔ فرماندهی",
    "Posts": "سمت‌ها", "Date": "تاریخ", "Organisation": "سازمان", "Holder": "دارندهٔ سمت",
    "Under": "زیر نظر", "Status": "وضعیت", "Documents": "اسناد", "Document": "سند",
    "Custody history": "تاریخچهٔ نگهداری", "Text": "متن", "Size": "اندازه", "Media type": "نوع رسانه",
    "Original file name": "نام اصلی پرونده", "Received": "دریافت", "Mentions": "موارد ذکرشده",
    "accepted": "پذیرفته", "conflict": "متعارض", "work needed": "نیازمند کار",
    "execution": "اعدام", "enforced disappearance": "ناپدیدسازی قهری", "secret burial": "دفن پنهانی",
    "torture": "شکنجه", "harassment of family": "آزار خانواده", "Name": "نام", "Type": "نوع",
    "Start page": "صفحهٔ نخست", "Decisions": "تصمیم‌ها", "Unlinked": "بی‌پیوند",
}


def main() -> None:
    catalog = Catalog(locale="fa", project="dadkhah", msgid_bugs_address="")
    for msgid, msgstr in FA.items():
        catalog.add(msgid, msgstr)
    out = Path(__file__).resolve().parents[1] / "src/dadkhah/web/locale/fa/LC_MESSAGES/messages.po"
    with out.open("wb") as f:
        write_po(f, catalog, sort_output=True, omit_header=False, width=100)


if __name__ == "__main__":
    main()

// Curated default credentials of network and OT vendors, guessable passwords, and the stored
// forms of default passwords that are deterministic. Each curated row names its source; the
// sources are summarised in /work/shared/reference/audit-rules.md §3 ([V] entries only).
#include "checks/data/default_credentials.h"

namespace gp::checks::data {

const std::vector<DefaultCredential>& curated_default_credentials() {
  static const std::vector<DefaultCredential> k = {
      {"Cisco IOS / generic", "cisco", "cisco",
       "DefaultCreds-cheat-sheet; many-passwords (audit-rules.md §3.2 #5)"},
      {"Cisco ASA (pre-9.x)", "", "cisco",
       "CIS Cisco ASA 9.x Benchmark v1.1.0 §1.1.1 default-value text: telnet/SSH login password 'cisco' "
       "(audit-rules.md §3.2 #4)"},
      {"Cisco ASA", "enable", "",
       "CIS Cisco ASA 9.x Benchmark v1.1.0 §1.1.2: enable password blank by default"},
      {"Cisco ASA", "admin", "",
       "CIS Cisco ASA 9.x Benchmark v1.1.0 §1.4.1.3 known default account names (admin, asa, cisco, pix, "
       "root)"},
      {"Fortinet FortiGate", "admin", "", "CIS FortiGate 7.0.x Benchmark v1.3.0 §2.4.1 default value"},
      {"Juniper ScreenOS / NetScreen", "netscreen", "netscreen", "DefaultCreds-cheat-sheet"},
      {"Palo Alto PAN-OS", "admin", "admin", "DefaultCreds-cheat-sheet (GlobalProtect)"},
      {"Allied Telesis AlliedWare Plus", "manager", "friend",
       "Allied Telesis support article; DefaultCreds-cheat-sheet"},
      {"Allied Telesis AlliedWare", "secoff", "secoff", "DefaultCreds-cheat-sheet"},
      {"Yamaha RTX routers (security class forget on)", "", "w,lXlma",
       "Yamaha RTX Command Reference Rev.23.02.02 §4.12 security class: with forget on, the serial "
       "console accepts this fixed password"},
      {"Yamaha SWX/SWP switches", "admin", "admin",
       "Yamaha SWX2220 user guide / SWP2 manual (initial admin user)"},
      {"Huawei S-series switches", "admin", "admin@huawei.com", "DefaultCreds-cheat-sheet"},
      {"MikroTik RouterOS", "admin", "", "DefaultCreds-cheat-sheet"},
      {"Ubiquiti EdgeRouter / UniFi", "ubnt", "ubnt", "DefaultCreds-cheat-sheet"},
      {"SonicWALL", "admin", "password", "DefaultCreds-cheat-sheet"},
      {"WatchGuard", "admin", "readwrite", "DefaultCreds-cheat-sheet"},
      {"Hirschmann RS/MACH/OCTOPUS industrial switches", "admin", "private",
       "SCADAPASS (scadastrangelove/SCADAPASS scadapass.csv)"},
      {"Hirschmann RS/MACH/OCTOPUS industrial switches", "user", "public", "SCADAPASS"},
      {"Moxa EDS switches", "admin", "moxa", "DefaultCreds-cheat-sheet"},
      {"Moxa ioLogik W53xx RTU", "root", "root", "SCADAPASS"},
      {"Siemens SCALANCE X-200/W78x", "admin", "admin", "SCADAPASS scada-pass.csv"},
      {"Siemens SCALANCE X-200/W78x", "siemens", "siemens", "SCADAPASS scada-pass.csv (FTP)"},
      {"Siemens S7-300 (pre-2009)", "Basisk", "Basisk", "SCADAPASS scada-pass.csv (hard-coded)"},
      {"Siemens WinCC 7.x", "WinCCAdmin", "2WSXcde", "DefaultCreds-cheat-sheet / SCADAPASS"},
      {"Schneider Modicon M340/Premium", "USER", "USER", "ics-default-passwords / SCADAPASS"},
      {"Schneider Modicon M340/Premium", "sysdiag", "factorycast@schneider",
       "ics-default-passwords / SCADAPASS"},
      {"Schneider M258", "adm", "adm", "SCADAPASS"},
      {"Rockwell MicroLogix 1400", "administrator", "ml1400", "SCADAPASS"},
      {"Rockwell MicroLogix 1100", "administrator", "ml1100", "SCADAPASS"},
      {"Rockwell 1756-EN2TSC", "Administrator", "admin", "SCADAPASS"},
      {"Mitsubishi MELSEC QnUDV (FTP)", "MELSEC", "MELSEC", "SCADAPASS"},
      {"Omron NS-series HMI", "default", "default", "SCADAPASS"},
      {"Yokogawa CENTUM CS 3000", "CENTUM", "CENTUM", "SCADAPASS scada-pass.csv"},
      {"Emerson DeltaV", "Administrator", "deltav", "SCADAPASS"},
      {"Wonderware InTouch", "Administrator", "Wonderware", "SCADAPASS scada-pass.csv"},
      {"Tridium NiagaraAX", "tridium", "niagara", "SCADAPASS scada-pass.csv"},
      {"WAGO 750", "admin", "wago", "SCADAPASS scada-pass.csv"},
      {"WAGO 750", "root", "wago", "SCADAPASS scada-pass.csv"},
      {"Advantech ADAM-6200/3600", "root", "00000000", "SCADAPASS"},
      {"eWON remote-access routers", "adm", "adm", "SCADAPASS"},
      {"Westermo MRD / WeOS routers", "admin", "westermo", "SCADAPASS scada-pass.csv"},
      {"Digi Connect / TransPort", "root", "dbps", "SCADAPASS scada-pass.csv"},
      {"Sierra Wireless AirLink", "user", "12345", "SCADAPASS scada-pass.csv"},
      {"Honeywell XL controller", "SysAdmin", "honey", "SCADAPASS"},
      {"GE Digital Energy SNMP/web card", "GE", "GE", "SCADAPASS"},
      {"Unitronics Vision/Samba PLC+HMI", "", "1111",
       "CISA alert 2023-11-28 'Exploitation of Unitronics PLCs used in Water and Wastewater Systems'; "
       "AA23-335A"},
  };
  return k;
}

const std::vector<const char*>& guessable_passwords() {
  static const std::vector<const char*> k = {
      "cisco",     "cisco123",  "Cisco123",   "admin",    "admin123", "administrator", "password",
      "Password",  "password1", "passw0rd",   "P@ssw0rd", "changeme", "default",       "secret",
      "enable",    "test",      "test123",    "guest",    "root",     "toor",          "manager",
      "friend",    "public",    "private",    "1234",     "12345",    "123456",        "12345678",
      "123456789", "1111",      "0000",       "00000000", "qwerty",   "letmein",       "welcome",
      "system",    "operator",  "supervisor", "service",  "support",  "user",          "abc123",
  };
  return k;
}

// PIX-MD5 ("encrypted" on ASA/PIX enable and passwd lines): base64-like encoding of MD5 over the
// password padded with NULs to 16 bytes, no salt. Values computed with that algorithm; the first
// two are the well-known factory forms (blank enable password, "cisco" login password).
const std::vector<KnownStoredForm>& known_stored_forms() {
  static const std::vector<KnownStoredForm> k = {
      {"asa-md5", "8Ry2YjIyt7RRXU24", ""},
      {"asa-md5", "2KFQnbNIdI.2KYOU", "cisco"},
      {"asa-md5", "X1MtFr9z4mbK7spV", "netscreen"},
      {"asa-md5", "PVSASRJovmamnVkD", "admin"},
      {"asa-md5", "H1T1eAKSC1VRiKB9", "friend"},
      {"asa-md5", "Ak0Y1nExPYfB3awQ", "secoff"},
      {"asa-md5", "zF2TKtEjR7jXRBRP", "admin@huawei.com"},
      {"asa-md5", "DxAy/uaP6L5owLlJ", "ubnt"},
      {"asa-md5", "NuLKvvWGg.x9HEKO", "password"},
      {"asa-md5", "OhDLP1WS/3o68rVl", "readwrite"},
      {"asa-md5", "iV.bykN9za7xaE.x", "private"},
      {"asa-md5", "5OPHIh0H9Jc9Z5N2", "public"},
      {"asa-md5", "T6WlGodGq85gdQ8l", "moxa"},
      {"asa-md5", "rwt5UQJihEq2/Qae", "root"},
      {"asa-md5", "UrWZvEW0go3aGVhX", "siemens"},
      {"asa-md5", "RHPGRpXE67BizEQF", "Basisk"},
      {"asa-md5", "mT4OxgXtNFy5ZTgB", "2WSXcde"},
      {"asa-md5", "WhoiOyfRcyOGfmsl", "USER"},
      {"asa-md5", "EeIvdKXp5LAPsLn4", "adm"},
      {"asa-md5", "Y2Nvlq2BEjTzoEU4", "ml1400"},
      {"asa-md5", "9qP2EL7LD2fjn40c", "ml1100"},
      {"asa-md5", "MpQQuC5fh4C1RFBu", "MELSEC"},
      {"asa-md5", "tkCBZwKPyByZrE/Z", "default"},
      {"asa-md5", "UIx23xa808XHIJd9", "CENTUM"},
      {"asa-md5", "rSQKDGRuoVQv2s8C", "deltav"},
      {"asa-md5", "bGknhirhBrbRwl9U", "Wonderware"},
      {"asa-md5", "BE52Z/nVWU4CRNQH", "niagara"},
      {"asa-md5", "ONBHAAl3fD76IFA1", "wago"},
      {"asa-md5", "ErxOrHUu6ViMiiRU", "00000000"},
      {"asa-md5", "uqAwTYXIDjMCVWB.", "westermo"},
      {"asa-md5", "vDaiMIvX7z339ksM", "dbps"},
      {"asa-md5", "UwiM/pkFcM.xYc8s", "12345"},
      {"asa-md5", "wHyTOvAHlf1Nku8Z", "honey"},
      {"asa-md5", "zRVftIrQtGthekj4", "GE"},
      {"asa-md5", "osZoFVmPWdD7jc/8", "1111"},
      {"asa-md5", "9jNfZuG3TC5tCVH0", "cisco123"},
      {"asa-md5", "DeviMZQXvoEmq3qZ", "Cisco123"},
      {"asa-md5", "5jmUdjaJyxNRaghr", "admin123"},
      {"asa-md5", "Owo3Y8stBKQ1SpVk", "administrator"},
      {"asa-md5", "z1DtdIrgnYxn0DjH", "Password"},
      {"asa-md5", "9atfz3gEuKuvzPx8", "password1"},
      {"asa-md5", "mrWn3gw5IdrzQmiH", "passw0rd"},
      {"asa-md5", "0e53SZdxezxawxDG", "P@ssw0rd"},
      {"asa-md5", "/782jH5SXpUisNJ7", "changeme"},
      {"asa-md5", "BGogFIdB6jmwTyg7", "secret"},
      {"asa-md5", "VpEu/DBiUqr.VhG7", "enable"},
      {"asa-md5", "N7FecZuSHJlVZC2P", "test"},
      {"asa-md5", "XomEVgN0sCVZwKlH", "test123"},
      {"asa-md5", "SPRupDzAMlrK4Q/z", "guest"},
      {"asa-md5", "k6tXKjip9Mk3IW7M", "toor"},
      {"asa-md5", "ZFo4GpOUOZcsrgCq", "manager"},
      {"asa-md5", "RLPMUQ26KL4blgFN", "1234"},
      {"asa-md5", "jDUXMyqeIzxQIVgK", "123456"},
      {"asa-md5", "Vyg.C3I6hdMIQb10", "12345678"},
      {"asa-md5", "oBGOJTSctBcCGoTh", "123456789"},
      {"asa-md5", "GHJ.KeG14A75iTIH", "0000"},
      {"asa-md5", "e4Cj.8LLqdrTbr0k", "qwerty"},
      {"asa-md5", "fYGjIZ.r.8FYvTjF", "letmein"},
      {"asa-md5", "lw.hq88l2bR1x9Fp", "welcome"},
      {"asa-md5", "Yn8Esq3NcXIHL35v", "system"},
      {"asa-md5", "WNn3TlS4Wk2TKz3h", "operator"},
      {"asa-md5", "F2J0OlM3WTw7kVED", "supervisor"},
      {"asa-md5", "7UEg7EL8Jw8BaZHl", "service"},
      {"asa-md5", "ZxeSh1jpQ7qDf8zP", "support"},
      {"asa-md5", "hrbrAcDFzZh5TMgS", "user"},
      {"asa-md5", "hNoJA51JsYfVzHT6", "abc123"},
  };
  return k;
}

}  // namespace gp::checks::data

# lab-device.sh: sourced by the integration tests that talk to the FRR lab's CE.
# lab_device NAME HOST KNOWN_HOSTS: prints the [device NAME] section of erd-ce's primary link as
# reached at HOST (172.16.0.1 from on-prem, 10.99.0.1 from the management host), with its own
# known_hosts, as tests/lab/frr-lab.sh builds it (AS 65010, the /30, MD5 and BFD on, the two
# prefixes Microsoft sends).  Extra keys may follow on stdout after it.
lab_device() {
    cat <<INI
[device $1]
host = $2
user = ${ERDIAG_LAB_SSH_USER:-erdiag-lab}
vendor = frr
identity = ${ERDIAG_LAB_DIR:-/tmp/erdiag-lab}/ssh/client_ed25519
known_hosts = $3
timeout = 20
subnet = 192.168.100.128/30
local_ip = 192.168.100.129
peer_ip = 192.168.100.130
local_as = 65010
md5 = yes
bfd = yes
expect_prefixes = 10.1.0.0/16, 10.2.0.0/16
INI
}
# lab_device6 NAME HOST KNOWN_HOSTS: the same CE, dual-stack: its IPv6 peering on the same link
# (2001:db8:100::/126, MD5 and BFD too) and the IPv6 prefix Microsoft sends.
lab_device6() {
    lab_device "$@" | sed '/^expect_prefixes/d'
    cat <<INI
subnet6 = 2001:db8:100::/126
local_ip6 = 2001:db8:100::1
peer_ip6 = 2001:db8:100::2
expect_prefixes = 10.1.0.0/16, 10.2.0.0/16, 2001:db8:10::/48
INI
}

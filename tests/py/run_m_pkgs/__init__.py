print("run_m_pkgs initialised as", __name__)

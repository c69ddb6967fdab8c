"""The PyTorch peer of `kgan bench`: the ring-8 kernel-guided GAN step on the CPU.

The step of the project's shared peer benchmark (batch n, latent 256, G 256-h-h-2 ReLU,
D 2-h-1 ReLU on x/4, Adam(1e-4, beta1=0.5), non-saturating loss + lambda_g MMD^2
(Gaussian kernel, sigma 0.5, biased) + lambda_l mean squared witness at 8 learned witness
points ascended by their own Adam(1e-3)), with the batch size n and the hidden width h as
arguments so that the growth study can vary them.

Arguments: timed steps, f32|f64, threads, reg|plain, n, h.
Prints one line ending in "<ms> ms/step".
"""
import math, sys, time
import torch


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    dtype = torch.float64 if (len(sys.argv) > 2 and sys.argv[2] == "f64") else torch.float32
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    reg = (sys.argv[4] != "plain") if len(sys.argv) > 4 else True
    n = int(sys.argv[5]) if len(sys.argv) > 5 else 512
    h = int(sys.argv[6]) if len(sys.argv) > 6 else 128
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    zd, J, sigma, lg, ll = 256, 8, 0.5, 1.0, 1.0
    G = torch.nn.Sequential(torch.nn.Linear(zd, h), torch.nn.ReLU(), torch.nn.Linear(h, h),
                            torch.nn.ReLU(), torch.nn.Linear(h, 2)).to(dtype)
    D = torch.nn.Sequential(torch.nn.Linear(2, h), torch.nn.ReLU(),
                            torch.nn.Linear(h, 1)).to(dtype)
    V = torch.randn(J, 2, dtype=dtype, requires_grad=True)
    og = torch.optim.Adam(G.parameters(), lr=1e-4, betas=(0.5, 0.999))
    od = torch.optim.Adam(D.parameters(), lr=1e-4, betas=(0.5, 0.999))
    ov = torch.optim.Adam([V], lr=1e-3, betas=(0.5, 0.999))
    angles = torch.arange(8, dtype=dtype) * (2 * math.pi / 8)
    centers = torch.stack([2 * torch.sin(angles), 2 * torch.cos(angles)], 1)
    bce = torch.nn.functional.binary_cross_entropy_with_logits

    def k(a, b):
        return torch.exp(-torch.cdist(a, b).pow(2) / (2 * sigma * sigma))

    def step():
        x = centers[torch.randint(0, 8, (n,))] + 0.02 * torch.randn(n, 2, dtype=dtype)
        z = torch.randn(n, zd, dtype=dtype)
        fake = G(z)
        dr, df = D(x / 4), D(fake.detach() / 4)
        ld = bce(dr, torch.ones_like(dr)) + bce(df, torch.zeros_like(df))
        od.zero_grad(); ld.backward(); od.step()
        df = D(fake / 4)
        lgen = bce(df, torch.ones_like(df))
        if reg:
            mmd = k(x, x).mean() + k(fake, fake).mean() - 2 * k(x, fake).mean()
            wit = k(V, x).mean(1) - k(V, fake).mean(1)
            lgen = lgen + lg * mmd + ll * wit.pow(2).mean()
        og.zero_grad(); ov.zero_grad(); lgen.backward(); og.step()
        if reg:
            V.grad.neg_(); ov.step()

    for _ in range(max(5, min(30, steps // 5))):
        step()
    t0 = time.perf_counter()
    for _ in range(steps):
        step()
    s = time.perf_counter() - t0
    print(f"torch {torch.__version__} {dtype} threads={threads} reg={reg} n={n} h={h}: "
          f"{steps/s:.1f} steps/s, {1000*s/steps:.2f} ms/step")


main()
